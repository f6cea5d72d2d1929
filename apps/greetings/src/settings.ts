/**
 * The demo's settings (Django's settings.py), read from the environment where a deployment would
 * change them: `REINS_DEBUG=1` turns on the technical error pages, `ALLOWED_HOSTS` adds hosts
 * (comma-separated) to the loopback names, `REINS_SECRET_KEY` signs the session cookies.
 */
import { join } from 'node:path';
import { cacheLibrary, configureCaches, type CachesConfig } from '@reins/cache';
import { CommonMiddleware, SecurityMiddleware, XFrameOptionsMiddleware } from '@reins/middleware';
import { ImproperlyConfigured } from '@reins/server';
import type { Settings } from '@reins/server';
import { SessionMiddleware } from '@reins/sessions';
import { appRoot } from './app-root.js';
import { serverTimingMiddleware } from './middleware/server-timing.js';
import { urlpatterns } from './urls.js';

// Only with REINS_DEBUG=1: anyone can read this key here, so anyone could forge a session with it.
const DEVELOPMENT_SECRET_KEY = 'greetings-development-only-secret-key-never-use-in-production';

/** Build the settings from an environment (the process's by default). */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const debug = env.REINS_DEBUG === '1';
  const secretKey = env.REINS_SECRET_KEY || (debug ? DEVELOPMENT_SECRET_KEY : undefined);
  if (secretKey === undefined) {
    throw new ImproperlyConfigured(
      'secretKey',
      `The greetings app needs a secret key for its session cookies: set REINS_SECRET_KEY (generate one with: node -e "console.log(require('crypto').randomBytes(50).toString('base64url'))"), or REINS_DEBUG=1 for a development key.`,
    );
  }
  const extraHosts = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean);
  return {
    rootUrlconf: urlpatterns,
    rootUrlconfName: 'greetings.urls',
    debug,
    secretKey,
    allowedHosts: ['127.0.0.1', 'localhost', '[::1]', 'testserver', ...extraHosts],
    middleware: [
      // Django's order: Session after Security, before Common (and CSRF) and XFrameOptions.
      SecurityMiddleware,
      SessionMiddleware,
      CommonMiddleware,
      XFrameOptionsMiddleware,
      serverTimingMiddleware,
    ],
    templates: [
      {
        backend: 'reins',
        dirs: [join(appRoot, 'templates')],
        options: { libraries: { cache: cacheLibrary } },
      },
    ],
  };
}

/**
 * The demo's caches (Django's `CACHES`): pages in local memory, or in Redis when `REDIS_URL` is
 * set, so several server processes share them; template fragments (`{% cache %}`) always in local
 * memory, which also answers the synchronous render of the error pages that extend base.html.
 */
function cachesFromEnv(env: NodeJS.ProcessEnv = process.env): CachesConfig {
  return {
    default: env.REDIS_URL
      ? { backend: 'redis', location: env.REDIS_URL }
      : { backend: 'locmem', location: 'greetings' },
    template_fragments: { backend: 'locmem', location: 'greetings-fragments' },
  };
}

/** Configure the caches from an environment (what the app does at start-up). */
export function configureDemoCaches(env: NodeJS.ProcessEnv = process.env): void {
  configureCaches(cachesFromEnv(env));
}
