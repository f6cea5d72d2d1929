/**
 * The HTTP exceptions a view or the request machinery throws, each knowing the status it becomes
 * (`Http404` → 404, `PermissionDenied` → 403, the `SuspiciousOperation` family → 400, …), and
 * `statusForException()` to map any thrown value to that status.
 *
 * Every class is branded with `defineBrand('<ClassName>')`, and `X.isInstance(value)` checks
 * the brand rather than the prototype chain, so an error thrown by one copy of this package (ESM
 * and CJS side by side, or two versions) is still recognised by another. `ReinsError`, their base,
 * is `@reins/core`'s; it is re-exported here so `import { ReinsError } from '@reins/http'` works.
 *
 * @module
 */
import { brandClass, defineBrand, RESOLVER_404_BRAND, ReinsError } from '@reins/core';

export { ReinsError };

/**
 * Thrown when the requested object does not exist; becomes a 404 response.
 *
 * @example
 * if (!article) throw new Http404(`No article with id ${id}.`);
 */
export class Http404 extends ReinsError {
  static override readonly brand: symbol = defineBrand('Http404');
  override readonly code: string = 'http.not_found';
  override readonly status: number = 404;
}
brandClass(Http404);

/**
 * Thrown when the user may not do what they asked; becomes a 403 response.
 *
 * @example
 * if (!user.isStaff) throw new PermissionDenied('Staff only.');
 */
export class PermissionDenied extends ReinsError {
  static override readonly brand: symbol = defineBrand('PermissionDenied');
  override readonly code: string = 'http.permission_denied';
  override readonly status: number = 403;
}
brandClass(PermissionDenied);

/**
 * Thrown when the request is malformed; becomes a 400 response.
 *
 * @example
 * if (!request.GET.has('q')) throw new BadRequest("The 'q' parameter is required.");
 */
export class BadRequest extends ReinsError {
  static override readonly brand: symbol = defineBrand('BadRequest');
  override readonly code: string = 'http.bad_request';
  override readonly status: number = 400;
}
brandClass(BadRequest);

/**
 * Thrown when a request body labelled `multipart/form-data` cannot be parsed; becomes a 400.
 *
 * @example
 * MultiPartParserError.isInstance(error); // the upload was malformed
 */
export class MultiPartParserError extends BadRequest {
  static override readonly brand: symbol = defineBrand('MultiPartParserError');
  override readonly code: string = 'http.multipart_parser_error';
}
brandClass(MultiPartParserError);

/**
 * Thrown when reading the request body fails (the client went away mid-body); becomes a 400.
 *
 * @example
 * UnreadablePostError.isInstance(error); // the connection closed before the body was complete
 */
export class UnreadablePostError extends BadRequest {
  static override readonly brand: symbol = defineBrand('UnreadablePostError');
  override readonly code: string = 'http.unreadable_post';
}
brandClass(UnreadablePostError);

/**
 * Thrown when the body is read after its stream was consumed by the multipart parser.
 *
 * @example
 * RawPostDataException.isInstance(error);
 */
export class RawPostDataException extends ReinsError {
  static override readonly brand: symbol = defineBrand('RawPostDataException');
  override readonly code: string = 'http.raw_post_data';
}
brandClass(RawPostDataException);

/**
 * The user did something suspicious (a forged Host, an unsafe redirect, an oversized body); a 400.
 *
 * @example
 * throw new SuspiciousOperation('Tampered session cookie.');
 */
export class SuspiciousOperation extends ReinsError {
  static override readonly brand: symbol = defineBrand('SuspiciousOperation');
  override readonly code: string = 'http.suspicious_operation';
  override readonly status: number = 400;
}
brandClass(SuspiciousOperation);

/**
 * The Host header is malformed or not in `allowedHosts`; thrown by `request.getHost()`.
 *
 * @example
 * try { request.getHost(); } catch (error) { DisallowedHost.isInstance(error); }
 */
export class DisallowedHost extends SuspiciousOperation {
  static override readonly brand: symbol = defineBrand('DisallowedHost');
  override readonly code: string = 'http.disallowed_host';
}
brandClass(DisallowedHost);

/**
 * A redirect to a URL whose scheme is not allowed (`javascript:`, `data:`, …).
 *
 * @example
 * new HttpResponseRedirect('javascript:alert(1)'); // throws DisallowedRedirect
 */
export class DisallowedRedirect extends SuspiciousOperation {
  static override readonly brand: symbol = defineBrand('DisallowedRedirect');
  override readonly code: string = 'http.disallowed_redirect';
}
brandClass(DisallowedRedirect);

/**
 * The query string or form has more fields than `dataUploadMaxNumberFields`; a 400.
 *
 * @example
 * new QueryDict('a=1&b=2', { maxNumFields: 1 }); // throws TooManyFieldsSent
 */
export class TooManyFieldsSent extends SuspiciousOperation {
  static override readonly brand: symbol = defineBrand('TooManyFieldsSent');
  override readonly code: string = 'http.too_many_fields';
}
brandClass(TooManyFieldsSent);

/**
 * The multipart form has more files than `dataUploadMaxNumberFiles`; a 400.
 *
 * @example
 * TooManyFilesSent.isInstance(error);
 */
export class TooManyFilesSent extends SuspiciousOperation {
  static override readonly brand: symbol = defineBrand('TooManyFilesSent');
  override readonly code: string = 'http.too_many_files';
}
brandClass(TooManyFilesSent);

/**
 * The body (or the form fields of a multipart body) exceeds `dataUploadMaxMemorySize`; a 413.
 *
 * @example
 * RequestDataTooBig.isInstance(error); // error.status === 413
 */
export class RequestDataTooBig extends SuspiciousOperation {
  static override readonly brand: symbol = defineBrand('RequestDataTooBig');
  override readonly code: string = 'http.request_data_too_big';
  override readonly status: number = 413;
}
brandClass(RequestDataTooBig);

/**
 * A response header name or value would break the header block (CR, LF or another control
 * character); a programming error, so it becomes a 500.
 *
 * @example
 * response.headers.set('X-Next', 'a\r\nSet-Cookie: x=1'); // throws BadHeaderError
 */
export class BadHeaderError extends ReinsError {
  static override readonly brand: symbol = defineBrand('BadHeaderError');
  override readonly code: string = 'http.bad_header';
  override readonly status: number = 500;
}
brandClass(BadHeaderError);

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
  if (record[RESOLVER_404_BRAND] === true || record['code'] === 'urls.resolver404') return 404;
  if (record[ReinsError.brand] === true) {
    const status = record['status'];
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}
