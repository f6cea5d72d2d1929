/**
 * Django's runserver serves static files from the finders when `DEBUG` is on, without a collect
 * step and without anything in `MIDDLEWARE`. reins does the same: with the `staticfiles` setting
 * and `debug` on, a static files middleware serving from the finders goes first in the chain,
 * unless the chain already has one (production serving is the user's choice, as WhiteNoise is).
 */
import type { Middleware } from '@reins/middleware';
import { isStaticFilesMiddleware, staticFilesMiddleware } from '@reins/staticfiles';
import type { ResolvedSettings } from '../settings.js';

/** The middleware chain to build: the configured one, with development static serving first. */
export function withDevelopmentStatic(settings: ResolvedSettings): readonly Middleware[] {
  const { staticfiles, middleware, debug } = settings;
  if (staticfiles === undefined || !debug || middleware.some(isStaticFilesMiddleware)) {
    return middleware;
  }
  return [staticFilesMiddleware(staticfiles, { useFinders: true }), ...middleware];
}
