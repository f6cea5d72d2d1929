/**
 * Reading a non-streaming response's body without paying for more than needed: its byte length
 * for `Content-Length` is measured from the string when the body is still text in UTF-8 (no
 * encode, no allocation), which keeps CommonMiddleware cheap on the hot path.
 */
import { Buffer } from 'node:buffer';
import { RAW_CONTENT } from '@reins/core';
import type { HttpResponse, HttpResponseBase } from '@reins/http';

const UTF8 = /^utf-?8$/i;

/** The body bytes of a response known not to stream. */
export function contentOf(response: HttpResponseBase): Uint8Array {
  return (response as HttpResponse).content;
}

/** The byte length of a non-streaming response's body. */
export function contentLength(response: HttpResponseBase): number {
  const raw = (response as unknown as Record<symbol, unknown>)[RAW_CONTENT];
  if (typeof raw !== 'string') return contentOf(response).byteLength;
  // The common spelling compared first: the regular expression was ~1.5 % of a request's CPU
  // under CommonMiddleware.
  const charset = response.charset;
  if (charset === 'utf-8' || UTF8.test(charset)) return Buffer.byteLength(raw, 'utf8');
  return contentOf(response).byteLength;
}
