/**
 * Exchanges: the views and shortcuts suites record a request handed to a view (through Django's
 * test client or an `as_view()` function) and the response it answered. These helpers turn the
 * recorded request into the parts of a reins `HttpRequest` and a reins response into the shape
 * record.py gave Django's (`describe_response()`), so that `compare()` can hold one to the other.
 */

/** A request as record.py describes it (`describe_environ()`). */
export interface RecordedRequest {
  readonly method: string;
  /** The decoded path (`request.path`). */
  readonly path: string;
  /** The raw query string; `null` when the WSGI environ had none. */
  readonly query: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** The request recorded in a decoded argument (`{ $request: {…} }`), if it is one. */
export function recordedRequest(value: unknown): RecordedRequest | undefined {
  if (value === null || typeof value !== 'object' || !('$request' in value)) return undefined;
  return (value as { $request: RecordedRequest }).$request;
}

/** The request target (percent-encoded path and `?query`) a recorded request was sent to. */
export function requestTarget(request: RecordedRequest): string {
  // RequestFactory unquotes the path into PATH_INFO; encodeURI gives back the quoted form.
  const path = encodeURI(request.path);
  return request.query ? `${path}?${request.query}` : path;
}

/** What describeResponse() reads from a reins response (HttpResponse or TemplateResponse). */
export interface ResponseLike {
  readonly statusCode: number;
  readonly headers: Iterable<[string, string]> & {
    has(name: string): boolean;
    set(name: string, value: string): unknown;
  };
  readonly streaming: boolean;
  readonly content?: Uint8Array;
  readonly isRendered?: boolean;
  render?(): Promise<unknown>;
  readonly contextData?: Record<string, unknown> | null;
  readonly templateName?: unknown;
}

/** Options of {@link describeResponse}. */
export interface DescribeOptions {
  /**
   * Apply the response phase of the middleware Django's test settings run (runtests.py's
   * `ALWAYS_MIDDLEWARE`) that changes these responses: CommonMiddleware's `Content-Length`.
   */
  readonly throughMiddleware?: boolean;
  /** A context value as record.py wrote it (`{ view_class: … }` for a view), or `undefined` to keep it. */
  readonly contextValue?: (value: unknown) => unknown;
}

/** Whether a value quacks like a reins response. */
export function isResponse(value: unknown): value is ResponseLike {
  return (
    value !== null &&
    typeof value === 'object' &&
    'statusCode' in value &&
    'headers' in value &&
    'streaming' in value
  );
}

/**
 * A reins response in the shape of record.py's `describe_response()`: an unrendered
 * TemplateResponse is rendered first, as the test would.
 */
export async function describeResponse(
  response: ResponseLike,
  options: DescribeOptions = {},
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { status_code: response.statusCode };
  const context = response.contextData ?? null;
  let renderError: unknown;
  if (response.render !== undefined && response.isRendered === false) {
    try {
      await response.render();
    } catch (error) {
      renderError = error;
      out['render_raises'] = {
        type: error instanceof Error ? error.name : typeof error,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }
  if (
    options.throughMiddleware === true &&
    renderError === undefined &&
    !response.streaming &&
    !response.headers.has('Content-Length')
  ) {
    // Django's CommonMiddleware: a response without Content-Length gets its body's length.
    response.headers.set('Content-Length', String(response.content?.byteLength ?? 0));
  }
  out['headers'] = Object.fromEntries(response.headers);
  if (response.streaming) out['streaming'] = true;
  else if (renderError === undefined) out['content'] = response.content;
  if (context !== null) {
    const described: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(context))
      described[key] = options.contextValue?.(value) ?? value;
    out['context'] = described;
  }
  if (response.templateName !== undefined) out['template_name'] = response.templateName;
  return out;
}

/** Django's snake_case keyword names as reins' camelCase (`template_name` → `templateName`). */
export function camelKeys(kwargs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kwargs))
    out[key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())] = value;
  return out;
}
