/**
 * {@link gzipMiddleware} (Django's `GZipMiddleware`): compresses a response with gzip when the
 * client accepts it, and adds `Vary: Accept-Encoding` to every response it could have compressed.
 * Short bodies (< 200 bytes), bodies already carrying a `Content-Encoding`, and compressions that
 * would not shrink the body are left alone; streaming bodies are compressed as they stream, except
 * `text/event-stream`, where gzip's buffering would hold events back.
 *
 * Compression uses `node:zlib` (level 6 and an mtime of 0, like Django's `compress_string`): it is
 * native, ships with Node, and offers a streaming `Gzip` transform and thread-pool compression, so
 * no dependency is needed. Bodies up to {@link SYNC_LIMIT} bytes are compressed synchronously
 * (cheaper than a thread-pool round trip); larger ones in the thread pool, off the event loop.
 */
import { Readable } from 'node:stream';
import { createGzip, gzip, gzipSync } from 'node:zlib';
import type {
  HttpRequest,
  HttpResponse,
  HttpResponseBase,
  StreamingHttpResponse,
} from '@reins/http';
import { defineMiddleware } from './define-middleware.js';
import { contentLength } from './internal/content.js';
import { configurable } from './internal/named-middleware.js';
import { patchVaryHeaders } from './internal/vary.js';
import type { MaybePromise, Middleware } from './middleware.js';

/** Bodies at or below this size are compressed on the event loop; larger ones in the thread pool. */
export const SYNC_LIMIT = 64 * 1024;

const MIN_LENGTH = 200;
// Byte 9 of a gzip member is the OS field (RFC 1952): zlib writes 3 (Unix), Python's gzip module
// 255 (unknown). Writing Python's value makes the header Django's; the deflate bytes match only
// under the same zlib version (Node bundles its own), so on real text they may differ.
const OS_BYTE = 9;
const OS_UNKNOWN = 255;
const ACCEPTS_GZIP = /\bgzip\b/;
const ZLIB_OPTIONS = { level: 6 };

function isEventStream(response: HttpResponseBase): boolean {
  const contentType = response.headers.get('Content-Type') ?? '';
  return contentType.trimStart().toLowerCase().startsWith('text/event-stream');
}

function finish(response: HttpResponseBase): HttpResponseBase {
  // A strong ETag names exact bytes, which we just changed; weak keeps If-None-Match working
  // (RFC 7232 §2.1).
  const etag = response.headers.get('ETag');
  if (etag?.startsWith('"')) response.headers.set('ETag', `W/${etag}`);
  response.headers.set('Content-Encoding', 'gzip');
  return response;
}

function applyCompressed(response: HttpResponse, compressed: Uint8Array): HttpResponseBase {
  if (compressed.byteLength >= response.content.byteLength) return response;
  compressed[OS_BYTE] = OS_UNKNOWN;
  response.content = compressed;
  response.headers.set('Content-Length', String(compressed.byteLength));
  return finish(response);
}

function compressStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  const compressor = createGzip(ZLIB_OPTIONS);
  // Readable.from + pipe gives backpressure both ways; an error in the source reaches the reader.
  const input = Readable.from(source as AsyncIterable<Uint8Array>, { objectMode: false });
  input.on('error', (error) => compressor.destroy(error));
  const output = input.pipe(compressor);
  return {
    async *[Symbol.asyncIterator]() {
      let offset = 0;
      for await (const chunk of output as AsyncIterable<Buffer>) {
        if (offset <= OS_BYTE && OS_BYTE < offset + chunk.byteLength) {
          chunk[OS_BYTE - offset] = OS_UNKNOWN;
        }
        offset += chunk.byteLength;
        yield chunk;
      }
    },
  };
}

/**
 * Django's `GZipMiddleware`. Put it near the top of the list, so it compresses what the layers
 * below it produced.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [gzipMiddleware(), CommonMiddleware] });
 */
export function gzipMiddleware(): Middleware {
  return defineMiddleware({
    processResponse(
      request: HttpRequest,
      response: HttpResponseBase,
    ): MaybePromise<HttpResponseBase> {
      if (!response.streaming && contentLength(response) < MIN_LENGTH) return response;
      if (response.headers.has('Content-Encoding')) return response;
      if (response.streaming && isEventStream(response)) return response;
      patchVaryHeaders(response, ['Accept-Encoding']);
      if (!ACCEPTS_GZIP.test(request.headers.get('Accept-Encoding') ?? '')) return response;

      if (response.streaming) {
        const streaming = response as unknown as StreamingHttpResponse;
        streaming.streamingContent = compressStream(streaming.streamingContent);
        // The compressed length is unknown until the stream ends.
        response.headers.delete('Content-Length');
        return finish(response);
      }
      const full = response as HttpResponse;
      const content = full.content;
      if (content.byteLength <= SYNC_LIMIT) {
        return applyCompressed(full, gzipSync(content, ZLIB_OPTIONS));
      }
      return new Promise((resolve, reject) => {
        gzip(content, ZLIB_OPTIONS, (error, compressed) => {
          if (error) reject(error);
          else resolve(applyCompressed(full, compressed));
        });
      });
    },
  });
}

/**
 * Django's `GZipMiddleware`, ready to use.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [GZipMiddleware, CommonMiddleware] });
 */
export const GZipMiddleware = configurable(gzipMiddleware, 'GZipMiddleware');
