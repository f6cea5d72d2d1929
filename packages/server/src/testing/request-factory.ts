/**
 * {@link RequestFactory}: build `HttpRequest`s to call a view directly, without the handler —
 * Django's `RequestFactory`. Requests come from `testserver` (or the host you pass), their bodies
 * are in memory (so `request.POST` works at once for urlencoded and JSON bodies).
 */
import { Buffer } from 'node:buffer';
import { HttpRequest } from '@reins/http';
import type { RequestOptions } from '@reins/http';

/** Form or query data: each value a string (or number/boolean), or a list of them. */
export type RequestData = Readonly<
  Record<string, string | number | boolean | readonly (string | number | boolean)[] | Blob>
>;

/** Per-request options of the factory and the client. */
export interface RequestExtras {
  /** Extra request headers, e.g. `{ 'Accept-Language': 'fr' }`. */
  headers?: Readonly<Record<string, string>>;
  /** Content type of the body; a string body is sent as is, object data is encoded for it. */
  contentType?: string;
  /** Build an `https` request. */
  secure?: boolean;
}

/** Options of the factory itself. */
export interface RequestFactoryOptions {
  /** Headers added to every request. */
  headers?: Readonly<Record<string, string>>;
  /** Request options (allowed hosts, limits); `testserver` is always allowed. */
  requestOptions?: RequestOptions;
}

/** An encoded body and its content type. */
export interface EncodedBody {
  body: Uint8Array | string | null;
  contentType: string | null;
}

function appendAll(params: URLSearchParams, data: RequestData): void {
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value))
      for (const item of value as readonly unknown[]) params.append(key, String(item));
    else if (!(value instanceof Blob)) params.append(key, String(value));
  }
}

/** `?a=1&b=2` for query data, `''` for none. */
export function encodeQuery(data: RequestData | undefined): string {
  if (data === undefined) return '';
  const params = new URLSearchParams();
  appendAll(params, data);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Encode object data (or pass a string through) for `contentType`. */
export function encodeBody(
  data: RequestData | string | Uint8Array | undefined,
  contentType: string | undefined,
): EncodedBody {
  if (data === undefined) return { body: null, contentType: contentType ?? null };
  if (typeof data === 'string' || data instanceof Uint8Array) {
    return { body: data, contentType: contentType ?? 'application/octet-stream' };
  }
  const type = contentType ?? 'application/x-www-form-urlencoded';
  if (/^application\/json\b/i.test(type) || /\+json\b/i.test(type)) {
    return { body: JSON.stringify(data), contentType: type };
  }
  const params = new URLSearchParams();
  appendAll(params, data);
  return { body: params.toString(), contentType: type };
}

/**
 * Build requests for unit-testing a view alone.
 *
 * @example
 * const factory = new RequestFactory();
 * const response = await home(factory.get('/'), {});
 */
export class RequestFactory {
  readonly #headers: Readonly<Record<string, string>>;
  readonly #options: RequestOptions;

  constructor(options: RequestFactoryOptions = {}) {
    this.#headers = options.headers ?? {};
    const requestOptions = options.requestOptions ?? {};
    this.#options = {
      ...requestOptions,
      allowedHosts: [...(requestOptions.allowedHosts ?? []), 'testserver'],
    };
  }

  /**
   * A request with any method; `body` is already encoded.
   *
   * @example
   * factory.generic('BREW', '/coffee/', 'with milk', { contentType: 'text/plain' });
   */
  generic(
    method: string,
    path: string,
    body: Uint8Array | string | null = null,
    extras: RequestExtras = {},
  ): HttpRequest {
    const headers: Record<string, string> = { host: 'testserver' };
    for (const [name, value] of Object.entries(this.#headers)) headers[name.toLowerCase()] = value;
    for (const [name, value] of Object.entries(extras.headers ?? {}))
      headers[name.toLowerCase()] = value;
    if (body !== null) {
      if (extras.contentType !== undefined) headers['content-type'] = extras.contentType;
      headers['content-length'] = String(
        typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
      );
    }
    const secure = extras.secure === true;
    return new HttpRequest({
      method,
      url: path,
      headers,
      scheme: secure ? 'https' : 'http',
      connection: {
        remoteAddress: '127.0.0.1',
        localAddress: 'testserver',
        localPort: secure ? 443 : 80,
        encrypted: secure,
      },
      body,
      options: this.#options,
    });
  }

  /** A GET request; `data` becomes the query string. */
  get(path: string, data?: RequestData, extras?: RequestExtras): HttpRequest {
    return this.generic('GET', path + encodeQuery(data), null, extras);
  }

  /** A HEAD request; `data` becomes the query string. */
  head(path: string, data?: RequestData, extras?: RequestExtras): HttpRequest {
    return this.generic('HEAD', path + encodeQuery(data), null, extras);
  }

  /** A POST request; object data is urlencoded (or JSON with `contentType: 'application/json'`). */
  post(path: string, data?: RequestData | string, extras: RequestExtras = {}): HttpRequest {
    return this.#withBody('POST', path, data, extras);
  }

  /** A PUT request. */
  put(path: string, data?: RequestData | string, extras: RequestExtras = {}): HttpRequest {
    return this.#withBody('PUT', path, data, extras);
  }

  /** A PATCH request. */
  patch(path: string, data?: RequestData | string, extras: RequestExtras = {}): HttpRequest {
    return this.#withBody('PATCH', path, data, extras);
  }

  /** A DELETE request. */
  delete(path: string, data?: RequestData | string, extras: RequestExtras = {}): HttpRequest {
    return this.#withBody('DELETE', path, data, extras);
  }

  /** An OPTIONS request. */
  options(path: string, data?: RequestData | string, extras: RequestExtras = {}): HttpRequest {
    return this.#withBody('OPTIONS', path, data, extras);
  }

  #withBody(
    method: string,
    path: string,
    data: RequestData | string | undefined,
    extras: RequestExtras,
  ): HttpRequest {
    const { body, contentType } = encodeBody(data, extras.contentType);
    return this.generic(method, path, body, {
      ...extras,
      ...(contentType === null ? {} : { contentType }),
    });
  }
}
