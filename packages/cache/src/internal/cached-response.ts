/**
 * What the page cache stores for a response (Django pickles the response object): status,
 * reason, headers, cookies and body, as plain data any backend can serialise, and the response
 * rebuilt from it on a hit.
 */
import { RAW_CONTENT } from '@reins/core';
import {
  HttpResponse,
  ResponseHeaders,
  type HttpResponseBase,
  type ResponseCookie,
} from '@reins/http';

/** A cookie as stored: its attributes and the exact Set-Cookie value sent the first time. */
interface StoredCookie {
  name: string;
  value: string;
  expires: string;
  maxAge: number | null;
  path: string | null;
  domain: string | null;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | null;
  text: string;
}

export interface StoredResponse {
  s: number;
  r: string;
  h: [string, string][];
  c: StoredCookie[] | null;
  /** The body: the text as the view gave it when it goes out as UTF-8, else the bytes. */
  b: Uint8Array | string;
}

export function storeResponse(response: HttpResponse): StoredResponse {
  const headers: [string, string][] = [];
  for (const [name, value] of response.headers) headers.push([name, value]);
  let cookies: StoredCookie[] | null = null;
  if (response.hasCookies) {
    cookies = [];
    for (const cookie of response.cookies.values()) {
      const { name, value, expires, maxAge, path, domain, secure, httpOnly, sameSite } = cookie;
      cookies.push({
        name,
        value,
        expires,
        maxAge,
        path,
        domain,
        secure,
        httpOnly,
        sameSite,
        text: cookie.toString(),
      });
    }
  }
  // Frozen, so the local-memory cache keeps it without a copy (nothing can change it).
  for (const pair of headers) Object.freeze(pair);
  if (cookies) for (const cookie of cookies) Object.freeze(cookie);
  return Object.freeze({
    s: response.status,
    r: response.reasonPhrase,
    h: Object.freeze(headers) as [string, string][],
    c: cookies && (Object.freeze(cookies) as StoredCookie[]),
    b: bodyOf(response),
  });
}

// A string body goes to the socket with the headers in one write, where bytes take a second
// chunk (measured: a page-cache hit cost ~2 µs more CPU over sockets with the bytes).
function bodyOf(response: HttpResponse): Uint8Array | string {
  const raw = response[RAW_CONTENT];
  if (typeof raw === 'string' && response.charset.toLowerCase() === 'utf-8') return raw;
  return response.content;
}

export function isStoredResponse(value: unknown): value is StoredResponse {
  return (
    typeof value === 'object' && value !== null && 'b' in value && 'h' in value && 's' in value
  );
}

// The local-memory cache hands back the same frozen object on every hit: its headers are checked
// once, and each hit copies the checked list (measured: rebuilding them was a quarter of a hit).
const CHECKED_HEADERS = new WeakMap<StoredResponse, ResponseHeaders>();

// The page served last, checked first: a site's hits mostly repeat a few pages, and comparing
// one pointer is cheaper than the WeakMap's hash lookup and the frozen check.
let lastStored: StoredResponse | null = null;
let lastHeaders: ResponseHeaders | null = null;

function headersOf(stored: StoredResponse): ResponseHeaders | [string, string][] {
  if (stored === lastStored) return lastHeaders!;
  if (!Object.isFrozen(stored)) return stored.h;
  let headers = CHECKED_HEADERS.get(stored);
  if (headers === undefined) CHECKED_HEADERS.set(stored, (headers = new ResponseHeaders(stored.h)));
  lastStored = stored;
  lastHeaders = headers;
  return headers;
}

export function restoreResponse(stored: StoredResponse): HttpResponseBase {
  const response = new HttpResponse(stored.b, { status: stored.s, headers: headersOf(stored) });
  // Usually the status's own phrase: then the setter's newline check need not run on every hit.
  if (response.reasonPhrase !== stored.r) response.reasonPhrase = stored.r;
  if (stored.c) {
    for (const cookie of stored.c) {
      const { text, ...attributes } = cookie;
      const restored: ResponseCookie = { ...attributes, toString: () => text };
      response.cookies.set(cookie.name, restored);
    }
  }
  return response;
}
