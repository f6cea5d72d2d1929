/**
 * Django's `patch_vary_headers(response, ('Cookie',))` for the one header sessions add: kept
 * here because `@reins/middleware` does not export its general version.
 */
import type { HttpResponseBase } from '@reins/http';

export function varyOnCookie(response: HttpResponseBase): void {
  const current = response.headers.get('Vary');
  if (current == null || current === '') {
    response.headers.set('Vary', 'Cookie');
    return;
  }
  const names = current.split(/\s*,\s*/);
  if (names.some((name) => name === '*' || name.toLowerCase() === 'cookie')) {
    if (names.includes('*') && current !== '*') response.headers.set('Vary', '*');
    return;
  }
  names.push('Cookie');
  response.headers.set('Vary', names.join(', '));
}
