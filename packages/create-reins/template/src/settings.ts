/**
 * The project's settings, Django's settings.py as one typed object. Values that differ between
 * machines come from the environment; `.env` (git-ignored, written with a fresh secret key when
 * the project was created) fills it in on this machine. Set real values in production.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// __IMPORTS__
import { database } from './database.js';
import { urlpatterns } from './urls.js';

/** The project folder (the one with package.json), from src/ in development or dist/ when built. */
export const BASE_DIR = fileURLToPath(new URL('..', import.meta.url));

// Variables already set in the environment win over the file, so production sets its own.
const envFile = join(BASE_DIR, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

/** Technical error pages; never on in production. `.env` sets REINS_DEBUG=1 on this machine. */
export const DEBUG = process.env.REINS_DEBUG === '1';

/** The project's apps (folders of src/): their templates/ folders are searched for templates. */
export const INSTALLED_APPS = ['pages'];

const secretKey = process.env.REINS_SECRET_KEY;
if (secretKey === undefined || secretKey === '') {
  throw new Error(
    "REINS_SECRET_KEY is not set. Put REINS_SECRET_KEY=<a long random string> in .env (node -e \"console.log(require('node:crypto').randomBytes(50).toString('base64url'))\" makes one), or set it in the environment.",
  );
}

/**
 * Static files (Django's STATIC_URL, STATIC_ROOT, STATICFILES_DIRS): static/ served as it is in
 * debug, collected into staticfiles/ by `npm start`. For content-hashed names in production, add
 * `storage: 'ManifestStaticFilesStorage'` (then tests need `reins collectstatic` first, as in Django).
 */
export const staticfiles = defineStaticfiles({
  staticUrl: '/static/',
  staticRoot: join(BASE_DIR, 'staticfiles'),
  staticfilesDirs: [join(BASE_DIR, 'static')],
  debug: DEBUG,
});

/** Everything createApp() takes (see src/app.ts). */
export const settings: Settings = {
  rootUrlconf: urlpatterns,
  rootUrlconfName: 'src/urls.ts',
  debug: DEBUG,
  secretKey,
  allowedHosts: [
    'localhost',
    '127.0.0.1',
    '[::1]',
    'testserver',
    ...(process.env.ALLOWED_HOSTS ?? '').split(',').filter(Boolean),
  ],
  // Django's default order; each line is a package's middleware.
  middleware: [
    // __MIDDLEWARE__
  ],
  sessionStore: new DatabaseSessionStore({ secretKey, db: database() }),
  staticfiles,
  templates: [
    {
      backend: 'reins',
      dirs: [join(BASE_DIR, 'templates')],
      appDirs: INSTALLED_APPS.map((app) => join(BASE_DIR, 'src', app)),
      options: {
        libraries: { static: staticLibrary(staticfiles) },
        // __TEMPLATE_OPTIONS__
      },
    },
  ],
};
