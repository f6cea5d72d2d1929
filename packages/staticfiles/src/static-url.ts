/**
 * `staticUrl(path)`: `{% static %}` for TypeScript code, from the app's staticfiles settings (the
 * last `defineStaticfiles()`, as Django's `static()` reads the one settings module).
 */
import { ImproperlyConfigured } from '@reins/core';
import type { Staticfiles } from './define-staticfiles.js';

let defaultStaticfiles: Staticfiles | undefined;

/** Make `staticfiles` the one {@link staticUrl} uses (the last `defineStaticfiles()` otherwise). */
export function setDefaultStaticfiles(staticfiles: Staticfiles): void {
  defaultStaticfiles = staticfiles;
}

/**
 * The URL of a static file for TypeScript code, as `{% static %}` gives it: from the most recent
 * {@link defineStaticfiles} (or {@link setDefaultStaticfiles}).
 *
 * @example
 * const href = staticUrl('css/site.css'); // '/static/css/site.55e7cbb9ba48.css'
 */
export function staticUrl(path: string): string {
  if (defaultStaticfiles === undefined) {
    throw new ImproperlyConfigured(
      "staticUrl() was called before any defineStaticfiles({ staticUrl: '/static/', … }). Define the staticfiles settings first.",
      { setting: 'staticUrl' },
    );
  }
  return defaultStaticfiles.url(path);
}
