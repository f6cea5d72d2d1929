/**
 * @reins/http — Django's HTTP primitives for TypeScript: `HttpRequest`, `QueryDict`,
 * `HttpResponse` and its family, cookies, the HTTP exceptions, and Node and Fetch adapters.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { HttpResponse, html, requestFromNode, writeNodeResponse } from '@reins/http';
 *
 * createServer(async (incoming, outgoing) => {
 *   const request = requestFromNode(incoming, { allowedHosts: ['localhost'] });
 *   const name = request.GET.get('name', 'world');
 *   await writeNodeResponse(new HttpResponse(html`<p>Hello, ${name}!</p>`), outgoing, request);
 * }).listen(8000);
 *
 * @module
 */
export {
  BadHeaderError,
  BadRequest,
  DisallowedHost,
  DisallowedRedirect,
  Http404,
  MultiPartParserError,
  PermissionDenied,
  RawPostDataException,
  ReinsError,
  RequestDataTooBig,
  SuspiciousOperation,
  TooManyFieldsSent,
  TooManyFilesSent,
  UnreadablePostError,
  statusForException,
} from './errors.js';
export { conditionalEscape, escape, html, isSafe, markSafe, type SafeString } from './escape.js';
export { requestFromFetch, responseToFetch, type FetchRequestInfo } from './fetch-adapter.js';
export { FileResponse, type FileResponseOptions, type FileSource } from './file-response.js';
export { HttpHeaders, type RawHeaders } from './http-headers.js';
export { isResponseLogged, markResponseLogged } from './response-logged.js';
export {
  HttpRequest,
  validateHost,
  type HttpRequestInit,
  type RequestBody,
  type RequestConnection,
  type RequestResolverMatch,
} from './http-request.js';
export {
  HttpResponse,
  HttpResponseBadRequest,
  HttpResponseBase,
  HttpResponseForbidden,
  HttpResponseGone,
  HttpResponseNotAllowed,
  HttpResponseNotFound,
  HttpResponseNotModified,
  HttpResponseServerError,
  type DeleteCookieOptions,
  type HttpResponseOptions,
  type ResponseContent,
  type ResponseCookie,
  type SetCookieOptions,
} from './http-response.js';
export {
  HttpResponsePermanentRedirect,
  HttpResponseRedirect,
  HttpResponseRedirectBase,
} from './http-response-redirect.js';
export { base36ToInt, intToBase36 } from './base36.js';
export { JsonResponse, type JsonResponseOptions } from './json-response.js';
export { MediaType } from './media-type.js';
export { MultiValueDict } from './multi-value-dict.js';
export { malformedRequest, requestFromNode, writeNodeResponse } from './node-adapter.js';
export type { MalformedRequest } from './node-adapter.js';
export { parseCookie } from './parse-cookie.js';
export { parseQsl, type ParseQslOptions } from './parse-qsl.js';
export { QueryDict, type QueryDictOptions } from './query-dict.js';
export {
  getCurrentRequest,
  getRequestApp,
  runSyncWithRequest,
  runWithRequest,
  runWithRequestUntilSettled,
} from './request-context.js';
export type { RequestApp, RequestLogRecord } from './request-context.js';
export type { RequestOptions } from './request-options.js';
export { ResponseHeaders, type HeaderValue } from './response-headers.js';
export { StreamingHttpResponse, type StreamingContent } from './streaming-http-response.js';
export { urlencode, type UrlencodeQuery } from './urlencode.js';
export { urlsafeBase64Decode, urlsafeBase64Encode } from './urlsafe-base64.js';
export {
  InMemoryUploadedFile,
  TemporaryUploadedFile,
  UploadedFile,
  type UploadedFileInit,
} from './uploaded-file.js';
export {
  urlHasAllowedHostAndScheme,
  type AllowedHostAndSchemeOptions,
} from './url-has-allowed-host-and-scheme.js';
export {
  KeyError,
  type GetSignedCookieOptions,
  type SetSignedCookieOptions,
} from './signed-cookie.js';
