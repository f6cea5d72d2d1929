/**
 * The demo's settings (Django's settings.py), read from the environment where a deployment would
 * change them: `REINS_DEBUG=1` turns on the technical error pages (and serves static files
 * from `static/` without collecting), `ALLOWED_HOSTS` adds hosts (comma-separated) to the loopback
 * names, `REINS_SECRET_KEY` signs the session cookies (without it, a key generated once into the
 * git-ignored `data/secret-key`).
 */
import { join } from 'node:path';
import { cacheLibrary, configureCaches, type CachesConfig } from '@reins/cache';
import { CommonMiddleware, SecurityMiddleware, XFrameOptionsMiddleware } from '@reins/middleware';
import type { Settings } from '@reins/server';
import { staticFilesMiddleware, staticLibrary } from '@reins/staticfiles';
import { authContextProcessor, AuthenticationMiddleware } from '@reins/auth';
import { SessionMiddleware } from '@reins/sessions';
import { greetingsAuthBackend } from './accounts/auth-backend.js';
import { appRoot } from './app-root.js';
import { generatedSecretKey } from './secret-key.js';
import { serverTimingMiddleware } from './middleware/server-timing.js';
import { staticfilesFromEnv } from './staticfiles.js';
import { urlpatterns } from './urls.js';

/** Build the settings from an environment (the process's by default). */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const debug = env.REINS_DEBUG === '1';
  // Django's startproject writes a random key into settings.py; the demo keeps one in data/.
  const secretKey = env.REINS_SECRET_KEY || generatedSecretKey();
  const extraHosts = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean);
  const staticfiles = staticfilesFromEnv(env);
  return {
    rootUrlconf: urlpatterns,
    rootUrlconfName: 'greetings.urls',
    debug,
    secretKey,
    allowedHosts: ['127.0.0.1', 'localhost', '[::1]', 'testserver', ...extraHosts],
    staticfiles,
    middleware: [
      // First, as WhiteNoise: a static file is answered before the rest of the chain runs.
      staticFilesMiddleware(staticfiles),
      // Django's order: Session after Security, before Common (and CSRF) and XFrameOptions.
      SecurityMiddleware,
      SessionMiddleware,
      CommonMiddleware,
      // After Session, as Django's order has it. 'eager': the user is loaded before the view when
      // the session names one, so the base layout (also rendered synchronously, for error pages)
      // can print the name.
      AuthenticationMiddleware.with({
        backends: [greetingsAuthBackend],
        load: 'eager',
        loginRedirectUrl: 'members',
      }),
      XFrameOptionsMiddleware,
      serverTimingMiddleware,
    ],
    templates: [
      {
        backend: 'reins',
        dirs: [join(appRoot, 'templates')],
        options: {
          libraries: { static: staticLibrary(staticfiles), cache: cacheLibrary },
          contextProcessors: [authContextProcessor],
        },
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
