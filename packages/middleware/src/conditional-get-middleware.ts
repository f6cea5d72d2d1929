/**
 * {@link conditionalGetMiddleware} (Django's `ConditionalGetMiddleware`): gives a GET response an
 * `ETag` (MD5 of the body) when it has none, then answers `If-None-Match` / `If-Modified-Since`
 * with `304 Not Modified` and failed `If-Match` / `If-Unmodified-Since` with `412`, following the
 * order of RFC 7232 §6 as Django's `get_conditional_response` does.
 */
import { createHash } from 'node:crypto';
import { parseHttpDateSafe } from '@reins/core';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import { HttpResponse, HttpResponseNotModified } from '@reins/http';
import { defineMiddleware } from './define-middleware.js';
import { contentOf } from './internal/content.js';
import { ifMatchPasses, ifNoneMatchPasses, parseEtags, quoteEtag } from './internal/etag.js';
import { configurable } from './internal/named-middleware.js';
import { splitHeaderList } from './internal/vary.js';
import type { Middleware } from './middleware.js';

// RFC 7232 §4.1: the headers a 304 must repeat from the 200 it stands for (and Last-Modified).
const NOT_MODIFIED_HEADERS = [
  'Cache-Control',
  'Content-Location',
  'Date',
  'ETag',
  'Expires',
  'Last-Modified',
  'Vary',
];

function needsEtag(response: HttpResponseBase): boolean {
  const cacheControl = response.headers.get('Cache-Control') ?? '';
  return splitHeaderList(cacheControl).every((directive) => directive.toLowerCase() !== 'no-store');
}

function setResponseEtag(response: HttpResponseBase): void {
  if (response.streaming) return;
  const content = contentOf(response);
  if (content.byteLength === 0) return;
  response.headers.set('ETag', quoteEtag(createHash('md5').update(content).digest('hex')));
}

function notModified(response: HttpResponseBase): HttpResponseBase {
  const replacement = new HttpResponseNotModified();
  for (const name of NOT_MODIFIED_HEADERS) {
    const value = response.headers.get(name);
    if (value != null) replacement.headers.set(name, value);
  }
  // A Set-Cookie must reach the client even on a 304 (cookie spec), so the cookies carry over.
  for (const [name, cookie] of response.cookies) replacement.cookies.set(name, cookie);
  return replacement;
}

/**
 * Django's `get_conditional_response`: the conditional answer to `request` for a representation
 * with this ETag and Last-Modified (seconds since the epoch), or `response` unchanged.
 *
 * @example
 * return getConditionalResponse(request, { etag: '"v1"', response: new HttpResponse('body') });
 */
export function getConditionalResponse(
  request: HttpRequest,
  {
    etag = null,
    lastModified = null,
    response,
  }: { etag?: string | null; lastModified?: number | null; response: HttpResponseBase },
): HttpResponseBase {
  if (response.status < 200 || response.status >= 300) return response;
  const headers = request.headers;
  const ifMatch = parseEtags(headers.get('If-Match') ?? '');
  const unmodifiedHeader = headers.get('If-Unmodified-Since');
  const ifUnmodifiedSince = unmodifiedHeader ? parseHttpDateSafe(unmodifiedHeader) : null;
  const ifNoneMatch = parseEtags(headers.get('If-None-Match') ?? '');
  const modifiedHeader = headers.get('If-Modified-Since');
  const ifModifiedSince = modifiedHeader ? parseHttpDateSafe(modifiedHeader) : null;
  const method = request.method;

  // 1. If-Match
  if (ifMatch.length > 0 && !ifMatchPasses(etag, ifMatch)) return preconditionFailed();
  // 2. If-Unmodified-Since, only without If-Match
  if (
    ifMatch.length === 0 &&
    ifUnmodifiedSince &&
    !(lastModified && lastModified <= ifUnmodifiedSince)
  ) {
    return preconditionFailed();
  }
  // 3. If-None-Match
  if (ifNoneMatch.length > 0 && !ifNoneMatchPasses(etag, ifNoneMatch)) {
    return method === 'GET' || method === 'HEAD' ? notModified(response) : preconditionFailed();
  }
  // 4. If-Modified-Since, only without If-None-Match
  if (
    ifNoneMatch.length === 0 &&
    ifModifiedSince &&
    lastModified &&
    !(lastModified > ifModifiedSince) &&
    (method === 'GET' || method === 'HEAD')
  ) {
    return notModified(response);
  }
  return response;
}

function preconditionFailed(): HttpResponse {
  return new HttpResponse('', { status: 412 });
}

/**
 * Django's `ConditionalGetMiddleware`. GET only: a HEAD has no body to hash, and for unsafe
 * methods it is too late to refuse with a 412.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [conditionalGetMiddleware()] });
 */
export function conditionalGetMiddleware(): Middleware {
  return defineMiddleware({
    processResponse(request, response) {
      if (request.method !== 'GET') return response;
      if (needsEtag(response) && !response.headers.has('ETag')) setResponseEtag(response);
      const etag = response.headers.get('ETag') ?? null;
      const lastModifiedHeader = response.headers.get('Last-Modified');
      const lastModified = lastModifiedHeader ? parseHttpDateSafe(lastModifiedHeader) : null;
      if (etag || lastModified) {
        return getConditionalResponse(request, { etag, lastModified, response });
      }
      return response;
    },
  });
}

/**
 * Django's `ConditionalGetMiddleware`, ready to use.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [ConditionalGetMiddleware] });
 */
export const ConditionalGetMiddleware = configurable(
  conditionalGetMiddleware,
  'ConditionalGetMiddleware',
);
