/**
 * Secret masking for the debug 500 page: Django's `SafeExceptionReporterFilter`. A setting (or a
 * key inside one, at any depth) whose name matches {@link HIDDEN_SETTINGS} is replaced by
 * {@link CLEANSED_SUBSTITUTE}, so tokens and passwords never reach a browser even in debug.
 */

/**
 * Django's `HIDDEN_SETTINGS` pattern as later Django versions have it (with `AUTH` and `HTTP_COOKIE`,
 * which 3.2 lacks), case-insensitive: `secretKey`, `apiToken`, `dbPassword` match, and so do the
 * request's `HTTP_AUTHORIZATION`, `HTTP_PROXY_AUTHORIZATION` and `HTTP_COOKIE`.
 */
export const HIDDEN_SETTINGS = /API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE/i;

/** What a hidden value is shown as. */
export const CLEANSED_SUBSTITUTE = '********************';

/** Mask `value` if `key` looks secret; otherwise cleanse inside objects, arrays, maps, recursively. */
export function cleanseSetting(key: string, value: unknown, seen = new WeakSet<object>()): unknown {
  if (HIDDEN_SETTINGS.test(key)) return CLEANSED_SUBSTITUTE;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => cleanseSetting('', item, seen));
  if (value instanceof Map) {
    return new Map([...value].map(([k, v]) => [k, cleanseSetting(String(k), v, seen)] as const));
  }
  if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanseSetting(k, v, seen);
    return out;
  }
  return value;
}

/**
 * Cookie names that carry a credential whatever else they are called: sessions (`sessionid`,
 * `connect.sid`, `PHPSESSID`), CSRF tokens, remember-me and login cookies, JWTs.
 */
const CREDENTIAL_COOKIES = /SESS|SID|CSRF|XSRF|REMEMBER|LOGIN|JWT/i;

/**
 * The request's cookies as the debug page shows them: a value is masked when its name matches
 * {@link HIDDEN_SETTINGS} (Django's rule, `AUTH` included) or {@link CREDENTIAL_COOKIES} — Django
 * would show a `sessionid` value, which is the session itself. Other cookies (`theme`) stay visible.
 */
export function cleanseCookies(cookies: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(cookies).map(([name, value]) => [
    name,
    HIDDEN_SETTINGS.test(name) || CREDENTIAL_COOKIES.test(name) ? CLEANSED_SUBSTITUTE : value,
  ]);
}
