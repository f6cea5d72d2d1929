/**
 * The Fetch adapter: `requestFromFetch()` turns a Fetch `Request` into an `HttpRequest`, and
 * `responseToFetch()` turns an `HttpResponse` into a Fetch `Response`, so one handler serves on
 * any runtime with Fetch (Node's own `fetch` handlers, Deno, Bun, workers).
 *
 * @module
 */
import { HttpRequest } from './http-request.js';
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
 * Build an `HttpRequest` from a Fetch `Request`; the body is read by `loadBody()`.
 *
 * @example
 * export default { fetch: async (req: Request) => responseToFetch(await handle(requestFromFetch(req))) };
 */
export function requestFromFetch(
  request: Request,
  options?: RequestOptions,
  info: FetchRequestInfo = {},
): HttpRequest {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  // A Fetch Request always knows its URL; make sure Host reflects it when the runtime omits it.
  headers['host'] ??= url.host;
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return new HttpRequest({
    method: request.method,
    url: url.pathname + url.search,
    headers,
    scheme: url.protocol === 'https:' ? 'https' : 'http',
    connection: { remoteAddress: info.remoteAddress, localAddress: url.hostname, localPort: port },
    body: request.body === null ? null : readBody(request.body),
    ...(options === undefined ? {} : { options }),
  });
}

function toHeaders(response: HttpResponseBase): Headers {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.set(name, value);
  for (const cookie of response.cookies.values()) headers.append('Set-Cookie', cookie.toString());
  return headers;
}

/**
 * Turn an `HttpResponse` into a Fetch `Response` (streaming responses become a `ReadableStream`;
 * HEAD, 204 and 304 get no body). The response and request are closed when the body is done.
 *
 * @example
 * const fetchResponse = responseToFetch(new JsonResponse({ ok: true }));
 */
export function responseToFetch(response: HttpResponseBase, request?: HttpRequest): Response {
  const headers = toHeaders(response);
  const status = response.status;
  const cleanup = (): void => {
    void response.close();
    void request?.close();
  };
  const init: ResponseInit = { status, statusText: response.reasonPhrase, headers };
  if (request?.method === 'HEAD' || status === 204 || status === 304 || status < 200) {
    cleanup();
    return new Response(null, init);
  }
  if (!response.streaming) {
    const raw = (response as HttpResponse)[RAW_CONTENT];
    const body =
      typeof raw === 'string' && response.charset.toLowerCase() === 'utf-8'
        ? raw
        : ((response as HttpResponse).content as Uint8Array<ArrayBuffer>);
    cleanup();
    return new Response(body, init);
  }
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
