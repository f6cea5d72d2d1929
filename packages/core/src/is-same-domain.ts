/**
 * Django's `is_same_domain()`, which `ALLOWED_HOSTS` and the CSRF trusted origins are matched with.
 *
 * @module
 */

/**
 * Whether `host` matches `pattern` exactly, or — for a pattern starting with `.` — is that domain
 * or one of its subdomains. The pattern is lower-cased; the host is taken as given (lower-case it
 * first, as Django's callers do).
 *
 * @example
 * isSameDomain('api.example.com', '.example.com'); // true
 * isSameDomain('example.com', '.example.com'); // true
 * isSameDomain('evilexample.com', '.example.com'); // false
 */
export function isSameDomain(host: string, pattern: string): boolean {
  if (pattern === '') return false;
  const lower = pattern.toLowerCase();
  return (
    (lower.startsWith('.') && (host.endsWith(lower) || host === lower.slice(1))) || lower === host
  );
}
