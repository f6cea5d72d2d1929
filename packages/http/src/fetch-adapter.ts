/**
 * The Fetch adapter: `requestFromFetch()` turns a Fetch `Request` into an `HttpRequest`, and
 * `responseToFetch()` turns an `HttpResponse` into a Fetch `Response`, so one handler serves on
 * any runtime with Fetch (Node's own `fetch` handlers, Deno, Bun, workers).
 *
 * @module
 */
import { FETCH_HEADERS, FETCH_HOST, HttpRequest, type HttpRequestInit } from './http-request.js';
import { FetchConnection, fetchTarget } from './internal/fetch-url.js';
import { RAW_CONTENT, type HttpResponse, type HttpResponseBase } from './http-response.js';
import type { RequestOptions } from './request-options.js';
import type { StreamingHttpResponse } from './streaming-http-response.js';

/** Connection details a Fetch runtime may know but `Request` does not carry. */
export interface FetchRequestInfo {
  /** The client address (`REMOTE_ADDR`). */
  remoteAddress?: string;
}

async function* readBody(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Build an `HttpRequest` from a Fetch `Request`; the body is read by `loadBody()`. Nothing is
 * copied: each header is read from the `Request` when first used.
 *
 * @example
 * export default { fetch: async (req: Request) => responseToFetch(await handle(requestFromFetch(req))) };
 */
export function requestFromFetch(
  request: Request,
  options?: RequestOptions,
  info?: FetchRequestInfo,
): HttpRequest {
  const url = request.url;
  const connection = new FetchConnection(info?.remoteAddress, url);
  const method = request.method;
  // Fetch gives GET and HEAD no body; not asking spares Bun creating the body's object.
  const body = method === 'GET' || method === 'HEAD' ? null : request.body;
  return new HttpRequest({
    method,
    url: fetchTarget(url),
    scheme: connection.encrypted ? 'https' : 'http',
    connection,
    body: body === null ? null : readBody(body),
    options,
    // The Request, not its headers: Bun builds `request.headers` only when first asked.
    [FETCH_HEADERS]: request,
    // A Fetch Request always knows its URL: Host reflects it when the runtime sends none.
    [FETCH_HOST]: connection,
  } as HttpRequestInit);
}

/**
 * The response's headers for `ResponseInit`: a plain object of lower-case names when each name
 * occurs once (measured on Bun, the cheapest form `Response` takes: a `Headers` filled with
 * `set()` costs half as much again), pairs when cookies repeat `Set-Cookie`.
 */
function toHeaders(response: HttpResponseBase): HeadersInit {
  if (response.hasCookies) return toPairs(response);
  const list = response.headers.list;
  if (list !== null && list.length === 3 && list[0] === 'content-type') {
    return contentTypeOnly(list[2]!);
  }
  const record: Record<string, string> = {};
  if (list !== null) {
    for (let i = 0; i < list.length; i += 3) {
      const name = list[i]!;
      // Assigning '__proto__' would set the object's prototype, not a header.
      if (name === '__proto__') return toPairs(response);
      record[name] = list[i + 2]!;
    }
  }
  return record;
}

/**
 * The headers of a response whose only header is its Content-Type (a page or JSON without
 * middleware), one `Headers` per value, made once: a runtime copies a `Headers` it is given
 * natively (on Bun in two thirds of the time it takes to read a plain object), and nothing here
 * changes one after it is made. A few values are kept; others take the plain object.
 */
const contentTypeHeaders = new Map<string, Headers>();
const CONTENT_TYPES_KEPT = 32;

function contentTypeOnly(value: string): HeadersInit {
  const kept = contentTypeHeaders.get(value);
  if (kept !== undefined) return kept;
  if (contentTypeHeaders.size >= CONTENT_TYPES_KEPT) return { 'content-type': value };
  const headers = new Headers([['content-type', value]]);
  contentTypeHeaders.set(value, headers);
  return headers;
}

function toPairs(response: HttpResponseBase): [string, string][] {
  const pairs: [string, string][] = [];
  const list = response.headers.list;
  if (list !== null) for (let i = 0; i < list.length; i += 3) pairs.push([list[i]!, list[i + 2]!]);
  if (response.hasCookies) {
    for (const cookie of response.cookies.values()) pairs.push(['set-cookie', cookie.toString()]);
  }
  return pairs;
}

/**
 * Turn an `HttpResponse` into a Fetch `Response` (streaming responses become a `ReadableStream`;
 * HEAD, 204 and 304 get no body). The response and request are closed when the body is done.
 *
 * @example
 * const fetchResponse = responseToFetch(new JsonResponse({ ok: true }));
 */
export function responseToFetch(response: HttpResponseBase, request?: HttpRequest): Response {
  const status = response.status;
  const init: ResponseInit = {
    status,
    statusText: response.reasonPhrase,
    headers: toHeaders(response),
  };
  if (request?.method === 'HEAD' || status === 204 || status === 304 || status < 200) {
    closeBoth(response, request);
    return new Response(null, init);
  }
  if (!response.streaming) {
    const raw = (response as HttpResponse)[RAW_CONTENT];
    // A UTF-8 string goes to the runtime as a string, which it encodes natively.
    const body =
      typeof raw === 'string' && isUtf8(response.charset)
        ? raw
        : ((response as HttpResponse).content as Uint8Array<ArrayBuffer>);
    closeBoth(response, request);
    return new Response(body, init);
  }
  const cleanup = (): void => {
    void response.close();
    void request?.close();
  };
  const iterator: AsyncIterator<Uint8Array, unknown> = (
    response as StreamingHttpResponse
  ).streamingContent[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done === true) {
          controller.close();
          cleanup();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        controller.error(error);
        cleanup();
      }
    },
    async cancel() {
      await iterator.return?.();
      cleanup();
    },
  });
  return new Response(stream, init);
}

function isUtf8(charset: string): boolean {
  return charset === 'utf-8' || charset.toLowerCase() === 'utf-8';
}

/**
 * Close a response sent whole, and its request: only when either holds something to release (the
 * Node adapter's rule), so a plain response costs no promise.
 */
function closeBoth(response: HttpResponseBase, request: HttpRequest | undefined): void {
  if (response.needsClose) void response.close();
  if (request?.needsClose === true) void request.close();
}
