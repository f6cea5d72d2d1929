/**
 * The Fetch adapter's reading of a request URL: `splitFetchUrl()` takes a Fetch `Request.url` apart
 * without `new URL`, and `FetchConnection` answers the connection details an `HttpRequest` asks
 * for (`SERVER_NAME`, `SERVER_PORT`) from the URL's host.
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
    let end = from;
    // The authority ends at the path, or at a query or fragment when the path is empty.
    for (; end < url.length; end++) {
      const code = url.charCodeAt(end);
      if (code === 0x2f || code === 0x3f || code === 0x23) break; // '/', '?', '#'
    }
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

/** A Fetch request's connection details: its URL's host, split only when something reads it. */
export class FetchConnection implements RequestConnection {
  readonly remoteAddress: string | undefined;
  readonly encrypted: boolean;
  readonly #authority: string;

  constructor(remoteAddress: string | undefined, authority: string, secure: boolean) {
    this.remoteAddress = remoteAddress;
    this.encrypted = secure;
    this.#authority = authority;
  }

  /** `URL.hostname`: an IPv6 address keeps its brackets. */
  get localAddress(): string {
    const authority = this.#authority;
    const colon = authority.lastIndexOf(':');
    return colon === -1 || authority.endsWith(']') ? authority : authority.slice(0, colon);
  }

  get localPort(): number {
    const authority = this.#authority;
    const colon = authority.lastIndexOf(':');
    if (colon !== -1 && !authority.endsWith(']')) return Number(authority.slice(colon + 1));
    return this.encrypted ? 443 : 80;
  }
}
