/**
 * The Fetch adapter's reading of a request URL: `fetchTarget()` slices the path and query out of a
 * Fetch `Request.url`, `splitFetchUrl()` takes it apart without `new URL`, and `FetchConnection`
 * answers the connection details an `HttpRequest` asks for (`SERVER_NAME`, `SERVER_PORT`) from the
 * URL's host, when asked.
 */
import type { RequestConnection } from '../http-request.js';

/** The parts of a Fetch request's URL the adapter needs. */
export interface SplitUrl {
  secure: boolean;
  /** `host[:port]`, as `URL.host`: no user information, the port only when not the default. */
  authority: string;
  /** The path and query (`URL.pathname + URL.search`). */
  target: string;
}

/** Where the authority that starts at `from` ends: at the path, or at a query or fragment when the path is empty. */
function authorityEnd(url: string, from: number): number {
  let end = from;
  for (; end < url.length; end++) {
    const code = url.charCodeAt(end);
    if (code === 0x2f || code === 0x3f || code === 0x23) break; // '/', '?', '#'
  }
  return end;
}

/**
 * Split `request.url` with string operations. A Fetch runtime hands the URL over serialized
 * (scheme and host in lower case, a path always present, the default port dropped), so for http
 * and https the slices are `URL`'s `host` and `pathname + search`; parsing it again with `new URL`
 * cost as much as the rest of the URL handling on Bun. Other schemes take the parser.
 */
export function splitFetchUrl(url: string): SplitUrl {
  const secure = url.startsWith('https://');
  if (secure || url.startsWith('http://')) {
    const from = secure ? 8 : 7;
    const end = authorityEnd(url, from);
    // Bun keeps user information in a Request's URL (`http://user:pass@host/`); URL.host drops it.
    const at = url.lastIndexOf('@', end);
    const authority = url.slice(at < from ? from : at + 1, end);
    const hash = url.indexOf('#', end);
    let rest = hash === -1 ? url.slice(end) : url.slice(end, hash);
    // An empty query (`/a?`) is no query, as in `URL.search`.
    if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) rest = rest.slice(0, -1);
    return { secure, authority, target: rest.charCodeAt(0) === 0x2f ? rest : '/' + rest };
  }
  const parsed = new URL(url);
  return {
    secure: parsed.protocol === 'https:',
    authority: parsed.host,
    target: parsed.pathname + parsed.search,
  };
}

/**
 * The path and query of a Fetch request's URL (`URL.pathname + URL.search`), what every request
 * needs; the host waits in {@link FetchConnection} until something asks. The usual URL, a path
 * after the host and neither a fragment nor an empty query, is one slice; anything else goes
 * through {@link splitFetchUrl}. Splitting the whole URL up front cost Bun a tenth of a JSON
 * response.
 */
export function fetchTarget(url: string): string {
  const from = url.startsWith('http://') ? 7 : url.startsWith('https://') ? 8 : 0;
  if (from !== 0) {
    const end = authorityEnd(url, from);
    if (
      url.charCodeAt(end) === 0x2f &&
      url.charCodeAt(url.length - 1) !== 0x3f &&
      url.indexOf('#', end) === -1
    ) {
      return url.slice(end);
    }
  }
  return splitFetchUrl(url).target;
}

/**
 * `URL.host` of a Fetch request's URL: the server's up-front Host check asks for it on every
 * request, so the usual URL is one scan and one slice, without splitting the path off as well
 * (measured on Bun: that split was a twentieth of a JSON response).
 */
function fetchAuthority(url: string): string {
  const from = url.startsWith('http://') ? 7 : url.startsWith('https://') ? 8 : 0;
  if (from === 0) return splitFetchUrl(url).authority;
  const end = authorityEnd(url, from);
  const at = url.lastIndexOf('@', end);
  return url.slice(at < from ? from : at + 1, end);
}

/**
 * A Fetch request's connection details, from its URL, taken apart only when something reads them
 * (`SERVER_NAME`, `SERVER_PORT`, the Host of a request that sent none).
 */
export class FetchConnection implements RequestConnection {
  readonly remoteAddress: string | undefined;
  readonly encrypted: boolean;
  readonly #url: string;
  #authority: string | undefined;

  constructor(remoteAddress: string | undefined, url: string) {
    this.remoteAddress = remoteAddress;
    this.encrypted =
      url.startsWith('https://') || (!url.startsWith('http://') && splitFetchUrl(url).secure);
    this.#url = url;
  }

  /** `URL.host`: `host[:port]`, the port only when not the scheme's default. */
  get authority(): string {
    return (this.#authority ??= fetchAuthority(this.#url));
  }

  /** `URL.hostname`: an IPv6 address keeps its brackets. */
  get localAddress(): string {
    const authority = this.authority;
    const colon = authority.lastIndexOf(':');
    return colon === -1 || authority.endsWith(']') ? authority : authority.slice(0, colon);
  }

  get localPort(): number {
    const authority = this.authority;
    const colon = authority.lastIndexOf(':');
    if (colon !== -1 && !authority.endsWith(']')) return Number(authority.slice(colon + 1));
    return this.encrypted ? 443 : 80;
  }
}
