/**
 * The response for one static file, as WhiteNoise builds it: the representation chosen by
 * `Accept-Encoding` (`Vary: Accept-Encoding` whenever there is a choice), 304 for a matching
 * `If-None-Match` (or, without one, `If-Modified-Since`), a single `Range` as 206 or 416,
 * HEAD without a body, and 405 for other methods. Small files answer synchronously from memory
 * after their first request.
 */
import { createReadStream } from 'node:fs';
import { HttpResponse, StreamingHttpResponse } from '@reins/http';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import { bodyOf, type Representation, type StaticFile } from './static-file.js';

/** Pick the representation the client accepts: Brotli, then gzip, then the file itself. */
export function chooseRepresentation(
  file: StaticFile,
  acceptEncoding: string | undefined,
): Representation {
  if (acceptEncoding === undefined || (file.br === null && file.gzip === null))
    return file.identity;
  let br = false;
  let gzip = false;
  for (const part of acceptEncoding.split(',')) {
    const [token = '', ...params] = part.split(';');
    const name = token.trim().toLowerCase();
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === 'x-gzip') gzip = true;
    else if (name === '*') br = gzip = true;
  }
  if (br && file.br !== null) return file.br;
  if (gzip && file.gzip !== null) return file.gzip;
  return file.identity;
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const bare = etag;
  for (const candidate of header.split(',')) {
    const value = candidate.trim();
    if (value === bare || value === `W/${bare}`) return true;
  }
  return false;
}

function notModifiedSince(header: string, lastModified: string): boolean {
  const since = Date.parse(header);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

/** `[start, end]` inclusive, `null` for no usable range (serve it all), `'unsatisfiable'`. */
export function parseRange(
  header: string,
  size: number,
): [number, number] | null | 'unsatisfiable' {
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  // Several ranges or another unit: answered with the whole file, as RFC 9110 allows.
  if (match === null) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  // An empty file has no byte to send (RFC 9110: no satisfiable range).
  if (size === 0) return 'unsatisfiable';
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return [start, end];
}

/** Answer `request` with `file`. */
export function respond(
  file: StaticFile,
  request: HttpRequest,
  maxCached: number,
): HttpResponseBase | Promise<HttpResponseBase> {
  const method = request.method;
  if (method !== 'GET' && method !== 'HEAD') {
    return new HttpResponse(null, {
      status: 405,
      headers: { Allow: 'GET, HEAD' },
    });
  }
  const requestHeaders = request.headers;
  let range = requestHeaders.get('range');
  const ifRange = range === undefined ? undefined : requestHeaders.get('if-range');
  // A range asks for bytes of the file itself; compressed variants are for whole responses.
  const rep =
    range === undefined
      ? chooseRepresentation(file, requestHeaders.get('accept-encoding'))
      : file.identity;
  if (ifRange !== undefined && ifRange !== rep.etag && ifRange !== file.lastModified)
    range = undefined;
  const headers: [string, string][] = [
    ['Content-Type', file.contentType],
    ['Cache-Control', file.cacheControl],
    ['ETag', rep.etag],
    ['Last-Modified', file.lastModified],
    ['Accept-Ranges', 'bytes'],
  ];
  if (file.br !== null || file.gzip !== null) headers.push(['Vary', 'Accept-Encoding']);
  if (rep.encoding !== null) headers.push(['Content-Encoding', rep.encoding]);
  const ifNoneMatch = requestHeaders.get('if-none-match');
  const ifModifiedSince =
    ifNoneMatch === undefined ? requestHeaders.get('if-modified-since') : undefined;
  if (
    ifNoneMatch !== undefined
      ? etagMatches(ifNoneMatch, rep.etag)
      : ifModifiedSince !== undefined && notModifiedSince(ifModifiedSince, file.lastModified)
  ) {
    return new HttpResponse(null, { status: 304, headers });
  }
  let start = 0;
  let end = rep.size - 1;
  let status = 200;
  if (range !== undefined) {
    const parsed = parseRange(range, rep.size);
    if (parsed === 'unsatisfiable') {
      return new HttpResponse(null, {
        status: 416,
        headers: [...headers, ['Content-Range', `bytes */${rep.size}`]],
      });
    }
    if (parsed !== null) {
      [start, end] = parsed;
      status = 206;
      headers.push(['Content-Range', `bytes ${start}-${end}/${rep.size}`]);
    }
  }
  const length = end - start + 1;
  if (method === 'HEAD') {
    headers.push(['Content-Length', String(length)]);
    return new HttpResponse(null, { status, headers });
  }
  const cut = (body: Buffer): HttpResponse =>
    new HttpResponse(status === 206 ? body.subarray(start, end + 1) : body, { status, headers });
  if (rep.body !== null) return cut(rep.body);
  if (rep.size <= maxCached) return bodyOf(rep, maxCached).then(cut);
  headers.push(['Content-Length', String(length)]);
  return new StreamingHttpResponse(
    rep.size === 0 ? [] : createReadStream(rep.path, { start, end, highWaterMark: 64 * 1024 }),
    { status, headers },
  );
}
