/**
 * The demo's static files (Django's STATIC_URL, STATIC_ROOT, STATICFILES_DIRS and
 * STATICFILES_STORAGE): `static/` is collected into `staticfiles/` with content-hashed names; in
 * debug the middleware serves `static/` directly and `{% static %}` gives the plain names.
 */
import { join } from 'node:path';
import { defineStaticfiles, type Staticfiles } from '@reins/staticfiles';
import { appRoot } from './app-root.js';

/** The staticfiles settings for an environment (`REINS_DEBUG=1` is development). */
export function staticfilesFromEnv(env: NodeJS.ProcessEnv = process.env): Staticfiles {
  return defineStaticfiles({
    staticUrl: '/static/',
    staticRoot: join(appRoot, 'staticfiles'),
    staticfilesDirs: [join(appRoot, 'static')],
    storage: 'ManifestStaticFilesStorage',
    debug: env.REINS_DEBUG === '1',
  });
}
