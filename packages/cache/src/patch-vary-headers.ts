/**
 * Django's `patch_vary_headers` and `has_vary_header`.
 *
 * @module
 */
import type { HttpResponseBase } from '@reins/http';

const DELIMITER = /\s*,\s*/;

/**
 * Add header names to the response's `Vary` (case-insensitively once each); `*` replaces them all.
 *
 * @example
 * patchVaryHeaders(response, ['Cookie', 'Accept-Language']);
 */
export function patchVaryHeaders(response: HttpResponseBase, newHeaders: Iterable<string>): void {
  const current = response.headers.get('Vary');
  const vary = current === undefined ? [] : current.split(DELIMITER);
  const existing = new Set(vary.map((header) => header.toLowerCase()));
  for (const header of newHeaders) {
    // Django compares with the names already there, not with those added in this same call.
    if (!existing.has(header.toLowerCase())) vary.push(header);
  }
  response.headers.set('Vary', vary.includes('*') ? '*' : vary.join(', '));
}

/**
 * Whether the response's `Vary` names `header` (any case).
 *
 * @example
 * hasVaryHeader(response, 'cookie');
 */
export function hasVaryHeader(response: HttpResponseBase, header: string): boolean {
  const current = response.headers.get('Vary');
  if (current === undefined) return false;
  const wanted = header.toLowerCase().trim();
  return current.split(DELIMITER).some((name) => name.toLowerCase().trim() === wanted);
}
