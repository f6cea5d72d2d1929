/**
 * The demo's settings (Django's settings.py), read from the environment where a deployment would
 * change them: `REINS_DEBUG=1` turns on the technical error pages, `ALLOWED_HOSTS` adds hosts
 * (comma-separated) to the loopback names, `REINS_SECRET_KEY` signs the session cookies
 * (without it, a key generated once into the git-ignored `data/secret-key`).
 */
import { join } from 'node:path';
import { CommonMiddleware, SecurityMiddleware, XFrameOptionsMiddleware } from '@reins/middleware';
import type { Settings } from '@reins/server';
import { SessionMiddleware } from '@reins/sessions';
import { appRoot } from './app-root.js';
import { generatedSecretKey } from './secret-key.js';
import { serverTimingMiddleware } from './middleware/server-timing.js';
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
    templates: [{ backend: 'reins', dirs: [join(appRoot, 'templates')] }],
  };
}
