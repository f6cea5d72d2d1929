/**
 * Django's `patch_vary_headers`: add header names to `Vary` without duplicates (compared
 * case-insensitively), keeping the existing order because caches may hash it; `*` absorbs all.
 */
import type { HttpResponseBase } from '@reins/http';

const DELIMITER = /\s*,\s*/;

/** Add `names` to the response's `Vary` header. */
export function patchVaryHeaders(response: HttpResponseBase, names: readonly string[]): void {
  const current = response.headers.get('Vary');
  const vary = current != null ? current.split(DELIMITER) : [];
  const present = new Set(vary.map((name) => name.toLowerCase()));
  for (const name of names) {
    if (!present.has(name.toLowerCase())) vary.push(name);
  }
  response.headers.set('Vary', vary.includes('*') ? '*' : vary.join(', '));
}

/** Split a comma-separated header (`Cache-Control`, `Vary`) the way Django does. */
export function splitHeaderList(value: string): string[] {
  return value.split(DELIMITER);
}
