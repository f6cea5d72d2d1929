/**
 * The Node adapter: `requestFromNode()` wraps an `IncomingMessage` in an `HttpRequest` without
 * reading anything, and `writeNodeResponse()` writes an `HttpResponse` to a `ServerResponse` —
 * in one write for an in-memory body, chunk by chunk with backpressure for a streaming one, with
 * no body for HEAD, 204 and 304.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpRequest, NODE_HEADERS, type HttpRequestInit } from './http-request.js';
import { scanRawHeaders } from './internal/node-headers.js';
import { RAW_CONTENT, type HttpResponse, type HttpResponseBase } from './http-response.js';
import type { RequestOptions } from './request-options.js';
import type { StreamingHttpResponse } from './streaming-http-response.js';

// From the raw list's one pass (shared with the Host checks): building Node's `headers` object
// is left to the requests that need it.
function hasBody(incoming: IncomingMessage): boolean {
  const { chunked, length, lengthRepeated } = scanRawHeaders(incoming.rawHeaders);
  if (chunked) return true;
  // Repeated Content-Length headers: Node kept the first.
  if (lengthRepeated) return incoming.headers['content-length'] !== '0';
  return length !== undefined && length !== '0';
}

/**
 * The body as an async iterable that touches the stream only when iterated (creating Node's
 * iterator starts reading), and leaves the socket open when iteration stops early (a body over
 * the limit), so the 413 can still be sent.
 */
function lazyBody(incoming: IncomingMessage): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]: () =>
      incoming
        .iterator({ destroyOnReturn: false })
        [Symbol.asyncIterator]() as AsyncIterator<Uint8Array>,
  };
}

/**
 * Build an `HttpRequest` from Node's `IncomingMessage`. Nothing is parsed or read yet; the body
 * is read by `await request.loadBody()`.
 *
 * @example
 * createServer(async (incoming, outgoing) => {
 *   const request = requestFromNode(incoming, { allowedHosts: ['example.com'] });
 *   await writeNodeResponse(await handle(request), outgoing, request);
 * });
 */
export function requestFromNode(incoming: IncomingMessage, options?: RequestOptions): HttpRequest {
  return new HttpRequest({
    method: incoming.method ?? 'GET',
    url: incoming.url ?? '/',
    connection: incoming.socket,
    body: hasBody(incoming) ? lazyBody(incoming) : null,
    options,
    [NODE_HEADERS]: incoming,
  } as HttpRequestInit);
}

/** Why a request is refused before any application code sees it; see {@link malformedRequest}. */
export interface MalformedRequest {
  /** 400, or 505 for an HTTP version other than 1.x. */
  status: 400 | 505;
  /** What is wrong, for the response body. */
  reason: string;
}

/**
 * Whether Node accepted a request that HTTP/1.1 (RFC 9112) says must be refused, and with what
 * status: a request line without a version (Node reads it as HTTP/0.9) or with a version other
 * than 1.x (`HTTP/2.0` over plain HTTP/1 framing: 505), or more than one `Host` header (§3.2: a
 * proxy that uses the last one would disagree with the application, which Node gives the first).
 * `null` for a well-formed request. Call it before handing the request to the application.
 *
 * @example
 * createServer((incoming, outgoing) => {
 *   const malformed = malformedRequest(incoming);
 *   if (malformed !== null) return outgoing.writeHead(malformed.status, { connection: 'close' }).end();
 *   // …
 * });
 */
export function malformedRequest(incoming: IncomingMessage): MalformedRequest | null {
  if (incoming.httpVersionMajor !== 1) {
    return incoming.httpVersionMajor > 1
      ? { status: 505, reason: `HTTP version ${incoming.httpVersion} is not supported.` }
      : { status: 400, reason: 'The request line has no HTTP version.' };
  }
  if (scanRawHeaders(incoming.rawHeaders).hosts > 1)
    return { status: 400, reason: 'The request has more than one Host header.' };
  return null;
}

/** Whether the response to `method` with `status` carries no body (RFC 9110). */
function isBodyless(status: number, method: string | undefined): boolean {
  return method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** Node's flat `[name, value, name, value…]` form: no object, no key list for Node to build. */
type FlatHeaders = string[];

/**
 * The response's headers and cookies, then `Connection: close` and `Content-Length` when given,
 * in one array allocated at its final size (growing one by `push` allocates twice, and per-request
 * garbage is most of what a small response costs). Names go out in lower case, as HTTP/2 sends
 * them and the Fetch adapter's `Headers` already do: Node lower-cases every name of 4 to 17
 * characters to recognise its own headers, which allocates a new string for each capitalized
 * one (measured: ~2% of a small response's CPU). `response.headers` keeps the names as set.
 */
function buildHeaders(
  response: HttpResponseBase,
  request: HttpRequest | undefined,
  contentLength: string | null,
): FlatHeaders {
  const list = response.headers.list;
  const count = list === null ? 0 : list.length / 3;
  const cookies = response.hasCookies ? response.cookies : null;
  const close = request?.connectionUnsafe === true;
  const pairs = count + (cookies?.size ?? 0) + (close ? 1 : 0) + (contentLength === null ? 0 : 1);
  const headers: FlatHeaders = new Array<string>(2 * pairs);
  let i = 0;
  for (let j = 0; j < 3 * count; j += 3) {
    headers[i++] = list![j]!;
    headers[i++] = list![j + 2]!;
  }
  if (cookies !== null) {
    for (const cookie of cookies.values()) {
      headers[i++] = 'set-cookie';
      headers[i++] = cookie.toString();
    }
  }
  if (close) {
    headers[i++] = 'connection';
    headers[i++] = 'close';
  }
  if (contentLength !== null) {
    headers[i++] = 'content-length';
    headers[i] = contentLength;
  }
  return headers;
}

// The last text body measured and its length as Content-Length's text: most responses of a
// server are a few constant or cached pages, and Buffer.byteLength is a call into C++ for each
// (measured in process: a memo hit saves ~30 ns of a ~300 ns request). Strings never change, so
// an equal string has the same length. Only short ones are kept: a large page would stay in
// memory until the next response, and its own write dwarfs the call.
const MEMO_TEXT_LENGTH = 16_384;
let lastText: string | null = null;
let lastTextLength = '0';

/**
 * Content-Length as text: a string, because Node checks every header value with a regular
 * expression, and a number there takes V8's slow generic `RegExp.prototype.test` (a conversion
 * first) on every response.
 */
function lengthOf(body: string | Uint8Array): string {
  if (typeof body !== 'string') return String(body.length);
  if (body === lastText) return lastTextLength;
  const length = String(Buffer.byteLength(body));
  if (body.length <= MEMO_TEXT_LENGTH) {
    lastText = body;
    lastTextLength = length;
  }
  return length;
}

function waitForDrain(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      outgoing.off('drain', done);
      outgoing.off('close', done);
      resolve();
    };
    outgoing.on('drain', done);
    outgoing.on('close', done);
  });
}

async function writeStream(
  response: StreamingHttpResponse,
  outgoing: ServerResponse,
): Promise<void> {
  const iterator: AsyncIterator<Uint8Array, unknown> =
    response.streamingContent[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (outgoing.destroyed) break;
      const { value, done } = await iterator.next();
      if (done === true) break;
      if (value.length === 0) continue;
      if (!outgoing.write(value)) await waitForDrain(outgoing);
    }
  } catch (error) {
    // Headers are gone already; the only honest signal left is an aborted connection.
    outgoing.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  } finally {
    if (outgoing.destroyed) await iterator.return?.();
  }
  if (!outgoing.destroyed) outgoing.end();
}

/**
 * Write `response` to Node's `ServerResponse`, then close the response and the request (which
 * removes upload temporary files). Resolves once the body has been handed to the socket.
 *
 * @throws the streaming body's error, after destroying the connection (the status was sent).
 * @example
 * await writeNodeResponse(new HttpResponse('<p>Hi</p>'), outgoing, request);
 */
export function writeNodeResponse(
  response: HttpResponseBase,
  outgoing: ServerResponse,
  request?: HttpRequest,
): Promise<void> {
  if (response.streaming)
    return writeStreaming(response as StreamingHttpResponse, outgoing, request);
  try {
    const status = response.status;
    const method = request?.method ?? outgoing.req?.method;
    const hasLength = response.headers.getLower('content-length') !== undefined;
    if (isBodyless(status, method)) {
      // A HEAD answer announces the length the GET would have; 204, 304 and 1xx have none.
      const announced =
        method === 'HEAD' && status >= 200 && status !== 204 && status !== 304 && !hasLength
          ? String((response as HttpResponse).content.length)
          : null;
      outgoing.writeHead(status, response.reasonPhrase, buildHeaders(response, request, announced));
      outgoing.end();
    } else {
      let body = (response as HttpResponse)[RAW_CONTENT] ?? (response as HttpResponse).content;
      // A string goes to the socket as is when it is UTF-8 (Node encodes it on the way out).
      if (typeof body === 'string' && !isUtf8(response.charset))
        body = (response as HttpResponse).content;
      const length = hasLength ? null : lengthOf(body);
      outgoing.writeHead(status, response.reasonPhrase, buildHeaders(response, request, length));
      outgoing.end(body);
    }
  } catch (error) {
    return closeBoth(response, request).then(() => Promise.reject(error as Error));
  }
  return closeBoth(response, request);
}

function isUtf8(charset: string): boolean {
  return (
    charset === 'utf-8' || charset.toLowerCase() === 'utf-8' || charset.toLowerCase() === 'utf8'
  );
}

const DONE = Promise.resolve();

/** Close the response and the request; no promise work at all when neither holds anything. */
function closeBoth(response: HttpResponseBase, request: HttpRequest | undefined): Promise<void> {
  if (!response.needsClose && (request === undefined || !request.needsClose)) return DONE;
  return response.close().then(() => request?.close());
}

async function writeStreaming(
  response: StreamingHttpResponse,
  outgoing: ServerResponse,
  request: HttpRequest | undefined,
): Promise<void> {
  try {
    const status = response.status;
    outgoing.writeHead(status, response.reasonPhrase, buildHeaders(response, request, null));
    if (isBodyless(status, request?.method ?? outgoing.req?.method)) outgoing.end();
    else await writeStream(response, outgoing);
  } finally {
    await response.close();
    await request?.close();
  }
}
