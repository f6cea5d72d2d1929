/**
 * Django's `escape_leading_slashes()`.
 *
 * @module
 */

/**
 * Escape the second of two leading slashes (`//evil.com` → `/%2Fevil.com`), so a path redirected
 * to is not read by browsers as a scheme-relative URL to another host.
 *
 * @example
 * escapeLeadingSlashes('//example.com/'); // '/%2Fexample.com/'
 * escapeLeadingSlashes('/ok/'); // '/ok/'
 */
export function escapeLeadingSlashes(url: string): string {
  return url.startsWith('//') ? '/%2F' + url.slice(2) : url;
}
