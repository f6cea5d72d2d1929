/**
 * The HTTP exceptions a view or the request machinery throws, each knowing the status it becomes
 * (`Http404` → 404, `PermissionDenied` → 403, the `SuspiciousOperation` family → 400, …), and
 * `statusForException()` to map any thrown value to that status.
 *
 * Every class is branded with `Symbol.for('reins.<ClassName>')`, and `X.isInstance(value)` checks
 * the brand rather than the prototype chain, so an error thrown by one copy of this package (ESM
 * and CJS side by side, or two versions) is still recognised by another.
 *
 * @module
 */

const BRAND = Symbol.for('reins.brand');

interface Branded {
  readonly brand: symbol;
}

function brand(target: Branded & { prototype: object }): void {
  Object.defineProperty(target.prototype, target.brand, { value: true });
}

function hasBrand(value: unknown, symbol: symbol): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[symbol] === true
  );
}

/**
 * The base of every reins error: a stable `code` string and an optional HTTP `status`.
 *
 * @example
 * try { await view(request); } catch (error) { if (ReinsError.isInstance(error)) console.log(error.code); }
 */
export class ReinsError extends Error {
  static readonly brand: symbol = Symbol.for('reins.ReinsError');
  /** A stable identifier such as `'http.disallowed_host'`; tests and handlers match on it. */
  readonly code: string = 'reins.error';
  /** The HTTP status this error becomes when it escapes a view, if any. */
  readonly status: number | undefined = undefined;

  constructor(message?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /**
   * Whether `value` is an instance of this class (or a subclass), by brand, across package copies.
   *
   * @example
   * Http404.isInstance(new Http404()); // true
   */
  static isInstance<T>(this: Branded & { prototype: T }, value: unknown): value is T {
    return hasBrand(value, this.brand);
  }
}
brand(ReinsError);
Object.defineProperty(ReinsError.prototype, BRAND, { value: true });

/**
 * Thrown when the requested object does not exist; becomes a 404 response.
 *
 * @example
 * if (!article) throw new Http404(`No article with id ${id}.`);
 */
export class Http404 extends ReinsError {
  static override readonly brand: symbol = Symbol.for('reins.Http404');
  override readonly code: string = 'http.not_found';
  override readonly status: number = 404;
}
brand(Http404);

/**
 * Thrown when the user may not do what they asked; becomes a 403 response.
 *
 * @example
 * if (!user.isStaff) throw new PermissionDenied('Staff only.');
 */
export class PermissionDenied extends ReinsError {
  static override readonly brand: symbol = Symbol.for('reins.PermissionDenied');
  override readonly code: string = 'http.permission_denied';
  override readonly status: number = 403;
}
brand(PermissionDenied);

/**
 * Thrown when the request is malformed; becomes a 400 response.
 *
 * @example
 * if (!request.GET.has('q')) throw new BadRequest("The 'q' parameter is required.");
 */
export class BadRequest extends ReinsError {
  static override readonly brand: symbol = Symbol.for('reins.BadRequest');
  override readonly code: string = 'http.bad_request';
  override readonly status: number = 400;
}
brand(BadRequest);

/**
 * Thrown when a request body labelled `multipart/form-data` cannot be parsed; becomes a 400.
 *
 * @example
 * MultiPartParserError.isInstance(error); // the upload was malformed
 */
export class MultiPartParserError extends BadRequest {
  static override readonly brand: symbol = Symbol.for('reins.MultiPartParserError');
  override readonly code: string = 'http.multipart_parser_error';
}
brand(MultiPartParserError);

/**
 * Thrown when reading the request body fails (the client went away mid-body); becomes a 400.
 *
 * @example
 * UnreadablePostError.isInstance(error); // the connection closed before the body was complete
 */
export class UnreadablePostError extends BadRequest {
  static override readonly brand: symbol = Symbol.for('reins.UnreadablePostError');
  override readonly code: string = 'http.unreadable_post';
}
brand(UnreadablePostError);

/**
 * Thrown when the body is read after its stream was consumed by the multipart parser.
 *
 * @example
 * RawPostDataException.isInstance(error);
 */
export class RawPostDataException extends ReinsError {
  static override readonly brand: symbol = Symbol.for('reins.RawPostDataException');
  override readonly code: string = 'http.raw_post_data';
}
brand(RawPostDataException);

/**
 * The user did something suspicious (a forged Host, an unsafe redirect, an oversized body); a 400.
 *
 * @example
 * throw new SuspiciousOperation('Tampered session cookie.');
 */
export class SuspiciousOperation extends ReinsError {
  static override readonly brand: symbol = Symbol.for('reins.SuspiciousOperation');
  override readonly code: string = 'http.suspicious_operation';
  override readonly status: number = 400;
}
brand(SuspiciousOperation);

/**
 * The Host header is malformed or not in `allowedHosts`; thrown by `request.getHost()`.
 *
 * @example
 * try { request.getHost(); } catch (error) { DisallowedHost.isInstance(error); }
 */
export class DisallowedHost extends SuspiciousOperation {
  static override readonly brand: symbol = Symbol.for('reins.DisallowedHost');
  override readonly code: string = 'http.disallowed_host';
}
brand(DisallowedHost);

/**
 * A redirect to a URL whose scheme is not allowed (`javascript:`, `data:`, …).
 *
 * @example
 * new HttpResponseRedirect('javascript:alert(1)'); // throws DisallowedRedirect
 */
export class DisallowedRedirect extends SuspiciousOperation {
  static override readonly brand: symbol = Symbol.for('reins.DisallowedRedirect');
  override readonly code: string = 'http.disallowed_redirect';
}
brand(DisallowedRedirect);

/**
 * The query string or form has more fields than `dataUploadMaxNumberFields`; a 400.
 *
 * @example
 * new QueryDict('a=1&b=2', { maxNumFields: 1 }); // throws TooManyFieldsSent
 */
export class TooManyFieldsSent extends SuspiciousOperation {
  static override readonly brand: symbol = Symbol.for('reins.TooManyFieldsSent');
  override readonly code: string = 'http.too_many_fields';
}
brand(TooManyFieldsSent);

/**
 * The multipart form has more files than `dataUploadMaxNumberFiles`; a 400.
 *
 * @example
 * TooManyFilesSent.isInstance(error);
 */
export class TooManyFilesSent extends SuspiciousOperation {
  static override readonly brand: symbol = Symbol.for('reins.TooManyFilesSent');
  override readonly code: string = 'http.too_many_files';
}
brand(TooManyFilesSent);

/**
 * The body (or the form fields of a multipart body) exceeds `dataUploadMaxMemorySize`; a 413.
 *
 * @example
 * RequestDataTooBig.isInstance(error); // error.status === 413
 */
export class RequestDataTooBig extends SuspiciousOperation {
  static override readonly brand: symbol = Symbol.for('reins.RequestDataTooBig');
  override readonly code: string = 'http.request_data_too_big';
  override readonly status: number = 413;
}
brand(RequestDataTooBig);

/**
 * A response header name or value would break the header block (CR, LF or another control
 * character); a programming error, so it becomes a 500.
 *
 * @example
 * response.headers.set('X-Next', 'a\r\nSet-Cookie: x=1'); // throws BadHeaderError
 */
export class BadHeaderError extends ReinsError {
  static override readonly brand: symbol = Symbol.for('reins.BadHeaderError');
  override readonly code: string = 'http.bad_header';
  override readonly status: number = 500;
}
brand(BadHeaderError);

const RESOLVER_404 = Symbol.for('reins.Resolver404');

/**
 * The HTTP status a thrown value becomes, or `undefined` for an ordinary error (a 500 by default).
 * Recognises every reins error by brand, including `Resolver404` from `@reins/urls` (a 404).
 *
 * @example
 * statusForException(new Http404()); // 404
 * statusForException(new TypeError('x')); // undefined
 */
export function statusForException(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as Record<PropertyKey, unknown>;
  if (record[RESOLVER_404] === true || record['code'] === 'urls.resolver404') return 404;
  if (record[BRAND] === true || record[ReinsError.brand] === true) {
    const status = record['status'];
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}
