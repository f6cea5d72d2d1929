/**
 * `FileResponse`: streams a file (a path or a readable stream) with `Content-Type` guessed from
 * the file name, `Content-Length` when the size is known, and `Content-Disposition` (`inline`,
 * or `attachment` with `asAttachment`), as Django's does. The file is opened only when the
 * response is sent, and closed when it finishes or the client goes away.
 *
 * @module
 */
import { createReadStream, statSync, type ReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { lookup as mimeTypesLookup } from 'mime-types';
import type { HttpResponseOptions } from './http-response.js';
import { quote } from '@reins/core';
import { StreamingHttpResponse } from './streaming-http-response.js';
import { ENCODINGS_MAP, SUFFIX_MAP, TYPES_MAP } from './internal/python-mimetypes.js';

/** Options of {@link FileResponse}. */
export interface FileResponseOptions extends HttpResponseOptions {
  /** Ask the browser to download it (`attachment`) rather than show it (`inline`). Default `false`. */
  asAttachment?: boolean;
  /** The file name to announce; default the base name of the path. */
  filename?: string;
}

/** What a FileResponse can stream. */
export type FileSource = string | Readable | ReadableStream<Uint8Array> | Uint8Array;

// Django keeps compressed files compressed: the encoding decides the type, not the inner file
// (Django 3.2's three, plus Brotli and compress as later Django versions name them).
const COMPRESSED: Record<string, string> = {
  gzip: 'application/gzip',
  bzip2: 'application/x-bzip',
  xz: 'application/x-xz',
  br: 'application/x-brotli',
  compress: 'application/x-compress',
};

type Lookup = typeof mimeTypesLookup;
let lookup: Lookup | undefined;

/** The mime-types database is large: load it on the first FileResponse, not at import. */
function mimeLookup(filename: string): string | false {
  lookup ??= (createRequire(import.meta.url)('mime-types') as { lookup: Lookup }).lookup;
  return lookup(filename);
}

/** Python's `posixpath.splitext`: leading dots of the name do not start an extension. */
function splitext(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return [path, ''];
  let start = slash + 1;
  while (start < dot && path[start] === '.') start += 1;
  return start === dot ? [path, ''] : [path.slice(0, dot), path.slice(dot)];
}

/**
 * Django's FileResponse type guess, by Python's `mimetypes.guess_type`: suffix map (`.tgz` is
 * `.tar.gz`), then the compression wins, then Python's built-in table; an extension that table
 * lacks is looked up in mime-types (standing in for the system's `mime.types`, which Python also
 * reads); unknown is `application/octet-stream`.
 */
export function guessContentType(filename: string): string {
  let [base, extension] = splitext(filename);
  let suffix: string | undefined;
  while ((suffix = SUFFIX_MAP[extension.toLowerCase()]) !== undefined) {
    [base, extension] = splitext(base + suffix);
  }
  const encoding = ENCODINGS_MAP[extension];
  if (encoding !== undefined) {
    const compressed = COMPRESSED[encoding];
    if (compressed !== undefined) return compressed;
    extension = splitext(base)[1];
  }
  if (extension === '') return 'application/octet-stream';
  const type = TYPES_MAP[extension.toLowerCase()] ?? mimeLookup(extension);
  return type === false ? 'application/octet-stream' : type;
}

function contentDisposition(filename: string, asAttachment: boolean): string | undefined {
  if (filename === '') return asAttachment ? 'attachment' : undefined;
  const disposition = asAttachment ? 'attachment' : 'inline';
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(filename)) {
    return `${disposition}; filename="${filename.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  }
  return `${disposition}; filename*=utf-8''${quote(filename, '')}`;
}

/**
 * A streamed file download or inline file (an image, a PDF, …).
 *
 * @example
 * return new FileResponse('static/logo.png'); // image/png, Content-Length, inline; filename="logo.png"
 * return new FileResponse(createReadStream(path), { asAttachment: true, filename: 'report ü.pdf' });
 */
export class FileResponse extends StreamingHttpResponse {
  /** The announced file name, if any. */
  readonly filename: string;
  /** Whether it is sent as an attachment. */
  readonly asAttachment: boolean;

  /**
   * @throws the file system error when `file` is a path that cannot be read (missing, a directory…).
   */
  constructor(file: FileSource, options: FileResponseOptions = {}) {
    const explicitType = options.contentType !== undefined || hasContentType(options.headers);
    super([], options);
    this.asAttachment = options.asAttachment ?? false;
    let size: number | undefined;
    let path: string | undefined;
    if (typeof file === 'string') {
      path = file;
    } else if (file instanceof Readable && typeof (file as ReadStream).path === 'string') {
      path = (file as ReadStream).path as string;
    }
    if (file instanceof Uint8Array) {
      size = file.length;
      this.streamingContent = [file];
    } else if (typeof file === 'string') {
      const stats = statSync(file);
      if (!stats.isFile()) {
        throw new TypeError(`FileResponse needs a regular file; '${file}' is not one.`);
      }
      size = stats.size;
      this.streamingContent = lazyFileStream(file);
    } else {
      if (path !== undefined) {
        try {
          const stats = statSync(path);
          const start = (file as ReadStream & { start?: number }).start ?? 0;
          if (stats.isFile()) size = stats.size - start;
        } catch {
          // size unknown: no Content-Length
        }
      }
      this.streamingContent = file as AsyncIterable<Uint8Array>;
      if (file instanceof Readable) this.addCloser(() => file.destroy());
    }
    this.filename = options.filename ?? (path === undefined ? '' : basename(path));
    if (size !== undefined) this.headers.set('Content-Length', size);
    if (!explicitType) {
      this.headers.set(
        'Content-Type',
        this.filename !== '' ? guessContentType(this.filename) : 'application/octet-stream',
      );
    }
    const disposition = contentDisposition(this.filename, this.asAttachment);
    if (disposition !== undefined) this.headers.set('Content-Disposition', disposition);
  }
}

function hasContentType(headers: FileResponseOptions['headers']): boolean {
  if (headers === undefined) return false;
  const names =
    Symbol.iterator in headers
      ? [...(headers as Iterable<readonly [string, unknown]>)].map(([name]) => name)
      : Object.keys(headers);
  return names.some((name) => name.toLowerCase() === 'content-type');
}

function lazyFileStream(path: string): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      // Opened on first read, and destroyed by the iterator's return() if the client goes away.
      const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
      try {
        for await (const chunk of stream) yield chunk as Uint8Array;
      } finally {
        stream.destroy();
      }
    },
  };
}
