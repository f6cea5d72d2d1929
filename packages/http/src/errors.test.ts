import { describe, expect, it } from 'vitest';
import {
  BadHeaderError,
  BadRequest,
  DisallowedHost,
  DisallowedRedirect,
  Http404,
  MultiPartParserError,
  PermissionDenied,
  ReinsError,
  RequestDataTooBig,
  SuspiciousOperation,
  TooManyFieldsSent,
  TooManyFilesSent,
  UnreadablePostError,
  statusForException,
} from './errors.js';

describe('HTTP exceptions', () => {
  it.each([
    [Http404, 404, 'http.not_found'],
    [PermissionDenied, 403, 'http.permission_denied'],
    [BadRequest, 400, 'http.bad_request'],
    [MultiPartParserError, 400, 'http.multipart_parser_error'],
    [UnreadablePostError, 400, 'http.unreadable_post'],
    [SuspiciousOperation, 400, 'http.suspicious_operation'],
    [DisallowedHost, 400, 'http.disallowed_host'],
    [DisallowedRedirect, 400, 'http.disallowed_redirect'],
    [TooManyFieldsSent, 400, 'http.too_many_fields'],
    [TooManyFilesSent, 400, 'http.too_many_files'],
    [RequestDataTooBig, 413, 'http.request_data_too_big'],
    [BadHeaderError, 500, 'http.bad_header'],
  ] as const)('%o becomes %i with code %s', (Class, status, code) => {
    const error = new Class('message');
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.name).toBe(Class.name);
    expect(error.message).toBe('message');
    expect(error).toBeInstanceOf(Error);
    expect(Class.isInstance(error)).toBe(true);
    expect(ReinsError.isInstance(error)).toBe(true);
    expect(statusForException(error)).toBe(status);
  });

  it('recognises subclasses through the parent, not the other way round', () => {
    expect(SuspiciousOperation.isInstance(new DisallowedHost())).toBe(true);
    expect(DisallowedHost.isInstance(new SuspiciousOperation())).toBe(false);
    expect(BadRequest.isInstance(new MultiPartParserError())).toBe(true);
    expect(Http404.isInstance(new PermissionDenied())).toBe(false);
  });

  it('recognises errors from another copy of the package by their brand', () => {
    const foreign = Object.assign(Object.create(Error.prototype) as object, {
      [Symbol.for('reins.ReinsError')]: true,
      [Symbol.for('reins.Http404')]: true,
      status: 404,
    });
    expect(Http404.isInstance(foreign)).toBe(true);
    expect(statusForException(foreign)).toBe(404);
  });

  it('maps Resolver404 from @reins/urls to 404 and ordinary errors to undefined', () => {
    expect(statusForException({ code: 'urls.resolver404' })).toBe(404);
    expect(statusForException({ [Symbol.for('reins.Resolver404')]: true })).toBe(404);
    expect(statusForException(new Error('x'))).toBeUndefined();
    expect(statusForException({ status: 418 })).toBeUndefined();
    expect(statusForException('oops')).toBeUndefined();
    expect(statusForException(null)).toBeUndefined();
  });
});
