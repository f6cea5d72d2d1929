/**
 * `urlHasAllowedHostAndScheme()`: is a user-supplied URL (a `?next=` parameter) safe to redirect
 * to? Django's algorithm, including its defences against the inputs browsers read differently
 * from servers (`///evil.com`, `\\evil.com`, leading control characters). The URL is split as
 * Django 4.0+ splits it — with the standard library's `urlsplit`, which removes tab, CR and LF as
 * browsers do (bpo-43882) — not with Django 3.2's private copy that keeps them, so
 * `"/\t/evil.com"` and `"java\tscript:"` are refused as in Django 5.2.
 *
 * @module
 */
import { urlsplit, UrlSplitError } from '@reins/core';
import { pyStrip } from './internal/python-string.js';

/** Options of {@link urlHasAllowedHostAndScheme}. */
export interface AllowedHostAndSchemeOptions {
  /** Hosts (netlocs, compared exactly, port included) a URL may point to; default none. */
  allowedHosts?: Iterable<string> | string | null;
  /** Accept only `https` URLs (relative URLs stay accepted). Default `false`. */
  requireHttps?: boolean;
}

const CONTROL_OR_OTHER = /^\p{C}/u;
const TAB_CR_LF = /[\t\r\n]/g;

function check(url: string, allowedHosts: ReadonlySet<string>, requireHttps: boolean): boolean {
  // Browsers treat three or more leading slashes as scheme-relative; urlsplit does not. Checked
  // after removing tab/CR/LF (which browsers ignore), unlike Django 5.2: "/\\\t/evil.com" becomes
  // "//\t/evil.com" in the backslash reading, which Django accepts and browsers open as evil.com.
  if (url.replace(TAB_CR_LF, '').startsWith('///')) return false;
  let parts;
  try {
    parts = urlsplit(url);
  } catch (error) {
    if (UrlSplitError.isInstance(error)) return false;
    throw error;
  }
  // `http:///evil.com`: a scheme without a host, where browsers take the path as the host.
  if (parts.netloc === '' && parts.scheme !== '') return false;
  // Browsers skip some leading control characters and may then see a scheme-relative URL.
  if (CONTROL_OR_OTHER.test(url)) return false;
  let scheme = parts.scheme;
  if (scheme === '' && parts.netloc !== '') scheme = 'http';
  const schemeOk =
    scheme === '' || (requireHttps ? scheme === 'https' : scheme === 'http' || scheme === 'https');
  return (parts.netloc === '' || allowedHosts.has(parts.netloc)) && schemeOk;
}

/**
 * Whether `url` is safe to redirect to: relative, or absolute with a host in `allowedHosts` and
 * an `http`/`https` scheme (`https` only with `requireHttps`). Use it before following `?next=`.
 *
 * @example
 * urlHasAllowedHostAndScheme('/account/', { allowedHosts: ['example.com'] }); // true
 * urlHasAllowedHostAndScheme('//evil.com', { allowedHosts: ['example.com'] }); // false
 */
export function urlHasAllowedHostAndScheme(
  url: string | null | undefined,
  options: AllowedHostAndSchemeOptions = {},
): boolean {
  if (url === null || url === undefined) return false;
  const stripped = pyStrip(url);
  if (stripped === '') return false;
  const hosts = options.allowedHosts;
  const allowed = new Set<string>(
    hosts === null || hosts === undefined ? [] : typeof hosts === 'string' ? [hosts] : hosts,
  );
  const requireHttps = options.requireHttps ?? false;
  // Chrome reads `\` as `/` in paths, but it can be part of credentials: check both readings.
  return (
    check(stripped, allowed, requireHttps) &&
    check(stripped.replaceAll('\\', '/'), allowed, requireHttps)
  );
}
