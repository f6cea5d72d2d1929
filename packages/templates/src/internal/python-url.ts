/**
 * The parts of Python's `urllib.parse` and `idna` codec the URL filters use: `pyQuote` /
 * `pyQuotePlus` (UTF-8 percent-encoding with a `safe` set), `pyUnquote` (with U+FFFD for bad
 * UTF-8), `pyUrlsplit` / `pyUrlunsplit`, `pyParseQsl`, `pyUrlencode`, and `pyIdnaEncode`
 * (Punycode for non-ASCII labels; nameprep approximated by NFKC + lower-casing).
 *
 * @module
 */
import { quote, quotePlus, unquote, urlsplit, UrlSplitError, type SplitUrl } from '@reins/core';
import { PythonError } from './python-errors.js';

export type { SplitUrl };

/**
 * Python `urllib.parse.quote(text, safe)` (`@reins/core`'s `quote`).
 *
 * @example
 * pyQuote('a b/c'); // 'a%20b/c'
 */
export const pyQuote: (text: string, safe?: string) => string = quote;

/** Python `quote_plus(text, safe='')`: like quote, with spaces as `+`. */
export const pyQuotePlus: (text: string, safe?: string) => string = quotePlus;

/** Python `unquote(text)`: decode `%XX` runs as UTF-8, invalid sequences as U+FFFD. */
export function pyUnquote(text: string): string {
  return unquote(text);
}

const USES_NETLOC = new Set([
  '',
  'ftp',
  'http',
  'gopher',
  'nntp',
  'telnet',
  'imap',
  'wais',
  'file',
  'mms',
  'https',
  'shttp',
  'snews',
  'prospero',
  'rtsp',
  'rtspu',
  'rsync',
  'svn',
  'svn+ssh',
  'sftp',
  'nfs',
  'git',
  'git+ssh',
  'ws',
  'wss',
]);

/**
 * Python `urlsplit(url)` (`@reins/core`'s `urlsplit`), raising a template-level `ValueError`.
 *
 * @throws {PythonError} `ValueError` for an unbalanced `[`/`]` in the host, as Python.
 */
export function pyUrlsplit(input: string): SplitUrl {
  try {
    return urlsplit(input);
  } catch (error) {
    if (UrlSplitError.isInstance(error)) throw new PythonError('ValueError', error.message);
    throw error;
  }
}

/** Python `urlunsplit(parts)`. */
export function pyUrlunsplit({ scheme, netloc, path, query, fragment }: SplitUrl): string {
  let url = path;
  if (netloc || (scheme && USES_NETLOC.has(scheme) && !url.startsWith('//'))) {
    if (url && !url.startsWith('/')) url = `/${url}`;
    url = `//${netloc}${url}`;
  }
  if (scheme) url = `${scheme}:${url}`;
  if (query) url = `${url}?${query}`;
  if (fragment) url = `${url}#${fragment}`;
  return url;
}

/** Python `parse_qsl(query, keep_blank_values=True)`. */
export function pyParseQsl(query: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = eq >= 0 ? part.slice(0, eq) : part;
    const value = eq >= 0 ? part.slice(eq + 1) : '';
    pairs.push([pyUnquote(name.replace(/\+/g, ' ')), pyUnquote(value.replace(/\+/g, ' '))]);
  }
  return pairs;
}

/** Python `urlencode(pairs)`: `quote_plus` on names and values, joined with `&`. */
export function pyUrlencode(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `${pyQuotePlus(k)}=${pyQuotePlus(v)}`).join('&');
}

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, numPoints: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

const digit = (d: number): string => String.fromCharCode(d < 26 ? d + 97 : d + 22);

/** RFC 3492 Punycode encoding of one label (without the `xn--` prefix). */
export function punycodeEncode(label: string): string {
  const input = Array.from(label, (ch) => ch.codePointAt(0)!);
  let out = input
    .filter((c) => c < 0x80)
    .map((c) => String.fromCharCode(c))
    .join('');
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < input.length) {
    const m = Math.min(...input.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of input) {
      if (c < n) delta += 1;
      if (c === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          out += digit(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        out += digit(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled += 1;
      }
    }
    delta += 1;
    n += 1;
  }
  return out;
}

// Nameprep (RFC 3491): drop the "mapped to nothing" characters, full-case-fold, NFKC. JS has no
// case folding, so lower-casing is completed with the folds that differ from it. (Code points are
// compared one by one: several of these are combining marks, which regex classes mangle.)
function isMappedToNothing(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x34f ||
    code === 0x1806 ||
    (code >= 0x180b && code <= 0x180d) ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060 ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff
  );
}

const FOLDS = new Map<number, string>([
  [0xdf, 'ss'],
  [0x1e9e, 'ss'],
  [0x3c2, '\u03c3'],
  [0x17f, 's'],
  [0x345, '\u03b9'],
  [0x1fbe, '\u03b9'],
]);

function nameprep(label: string): string {
  let out = '';
  for (const ch of label) {
    const code = ch.codePointAt(0)!;
    if (isMappedToNothing(code)) continue;
    out += FOLDS.get(code) ?? ch.toLowerCase();
  }
  return out.normalize('NFKC');
}

/**
 * Python `domain.encode('idna').decode('ascii')`: ASCII labels kept as written, others
 * nameprepped and Punycode-encoded.
 *
 * @throws {PythonError} `UnicodeError`-like `ValueError` for an empty or over-long label.
 */
export function pyIdnaEncode(domain: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(domain)) {
    const labels = domain.split('.');
    if (labels.length > 0 && labels[labels.length - 1] === '') labels.pop();
    for (const label of labels) {
      if (label.length === 0 || label.length > 63) {
        throw new PythonError('ValueError', 'label empty or too long');
      }
    }
    return domain;
  }
  const labels = domain.split(/[.\u3002\uff0e\uff61]/);
  let trailingDot = false;
  if (labels.length > 1 && labels[labels.length - 1] === '') {
    labels.pop();
    trailingDot = true;
  }
  const encoded = labels.map((label) => {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(label)) {
      if (label.length === 0 || label.length > 63) {
        throw new PythonError('ValueError', 'label empty or too long');
      }
      return label;
    }
    const prepped = nameprep(label);
    // eslint-disable-next-line no-control-regex
    const ascii = /^[\x00-\x7f]*$/.test(prepped) ? prepped : `xn--${punycodeEncode(prepped)}`;
    if (ascii.length === 0 || ascii.length > 63) {
      throw new PythonError('ValueError', 'label empty or too long');
    }
    return ascii;
  });
  return encoded.join('.') + (trailingDot ? '.' : '');
}
