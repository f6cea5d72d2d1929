/**
 * Multipart/form-data parsing on top of @fastify/busboy (a maintained streaming parser), with
 * Django's limits and errors layered on: field count (`TooManyFieldsSent`), file count
 * (`TooManyFilesSent`), total field bytes (`RequestDataTooBig`), malformed input
 * (`MultiPartParserError`) — and reins' bounds on what Django leaves open: every part counted,
 * named or not (`dataUploadMaxNumberParts`), the whole body (`fileUploadMaxTotalSize`) and each
 * file (`fileUploadMaxSize`). Files stay in memory up to `fileUploadMaxMemorySize`, then spill to
 * a temporary file; on any failure every temporary file is removed before the error propagates,
 * and reading stops at the first chunk after it.
 */
import { Buffer } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import busboy from '@fastify/busboy';
import {
  MultiPartParserError,
  RequestDataTooBig,
  TooManyFieldsSent,
  TooManyFilesSent,
  UnreadablePostError,
} from '../errors.js';
import { MultiValueDict } from '../multi-value-dict.js';
import type { ResolvedRequestOptions } from '../request-options.js';
import { QueryDict, setQueryDictMutable } from '../query-dict.js';
import {
  InMemoryUploadedFile,
  TemporaryUploadedFile,
  type UploadedFile,
} from '../uploaded-file.js';
import { createTempPath, removeTempPath } from './temp-files.js';
import { isUtf8Label, LATIN1, lookupCharset, requireCharset, type Charset } from './charset.js';
import { parseHeader } from './parse-header.js';

export interface MultipartResult {
  post: QueryDict;
  files: MultiValueDict<UploadedFile>;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Django's `sanitize_file_name`: unescape HTML character references, keep what follows the last
 * `/` or `\\`, and refuse `''`, `.` and `..` (the part is then dropped).
 */
export function sanitizeFileName(raw: string): string | null {
  let name = raw.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
  name = name.slice(name.lastIndexOf('/') + 1);
  name = name.slice(name.lastIndexOf('\\') + 1);
  if (name === '' || name === '.' || name === '..') return null;
  return name;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Django's checks of a multipart Content-Type before anything is read (`MultiPartParser`): ASCII
 * only, and a boundary `cgi.valid_boundary` accepts — even for an empty body.
 *
 * @throws {MultiPartParserError} with Django's message.
 */
export function checkMultipartContentType(contentType: string): void {
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(contentType)) {
    throw new MultiPartParserError(`Invalid non-ASCII Content-Type in multipart: ${contentType}`);
  }
  const boundary = parseHeader(contentType)[1]['boundary'];
  if (boundary === undefined || !/^[ -~]{0,200}[!-~]$/.test(boundary)) {
    throw new MultiPartParserError(`Invalid boundary in multipart: ${boundary ?? 'None'}`);
  }
}

/** What a part's own headers said, which busboy does not report (it defaults the type). */
interface PartHeaders {
  contentType: string | null;
  charset: string | null;
}

// busboy hands a part's Content-Type over as `text/plain` when there is none, where Django's is
// `''`; the part's raw headers are read from busboy's inner multipart parser (Dicer), whose
// `header` event follows busboy's own handler, which has just announced the file.
function watchPartHeaders(parser: unknown, onHeaders: (headers: PartHeaders) => void): void {
  const dicer = (parser as { _parser?: { parser?: NodeJS.EventEmitter } })._parser?.parser;
  dicer?.on('part', (part: NodeJS.EventEmitter) => {
    part.on('header', (header: Record<string, string[] | undefined>) => {
      const raw = header['content-type']?.[0];
      if (raw === undefined) {
        onHeaders({ contentType: null, charset: null });
        return;
      }
      const [type, params] = parseHeader(raw);
      onHeaders({ contentType: type, charset: params['charset'] ?? null });
    });
  });
}

// The charsets busboy decodes as Latin-1, handing over the part's raw bytes.
const BUSBOY_LATIN1 = new Set([
  'latin1',
  'ascii',
  'us-ascii',
  'iso-8859-1',
  'iso8859-1',
  'iso88591',
  'iso_8859-1',
  'windows-1252',
  'iso_8859-1:1987',
  'cp1252',
  'x-cp1252',
]);

/**
 * A field's text from what busboy made of it: base64 parts decoded (as Django does), a part's
 * own charset honoured where busboy kept its bytes (UTF-8, the Latin-1 labels), the request
 * charset otherwise; a part charset busboy would have decoded wrongly is an error.
 */
function fieldValue(
  rawValue: string,
  transferEncoding: string,
  partCharset: string | null,
  requestCharset: Charset | null,
): string {
  if (transferEncoding === 'base64') {
    return (requestCharset ?? requireCharset('utf-8')).decode(Buffer.from(rawValue, 'base64'));
  }
  if (partCharset === null) {
    return requestCharset === null
      ? rawValue
      : requestCharset.decode(Buffer.from(rawValue, 'latin1'));
  }
  const lower = partCharset.toLowerCase();
  if (lower === 'utf-8' || lower === 'utf8') return rawValue;
  if (BUSBOY_LATIN1.has(lower)) {
    return (lookupCharset(partCharset) ?? LATIN1).decode(Buffer.from(rawValue, 'latin1'));
  }
  throw new MultiPartParserError(
    `A multipart field declares the charset ${JSON.stringify(partCharset)}, which reins cannot decode in a part; ` +
      'send fields in UTF-8 or the request charset (without a part charset).',
  );
}

/** Parse a multipart body from `source`; `contentType` is the request's raw Content-Type. */
export async function parseMultipart(
  contentType: string,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  settings: ResolvedRequestOptions,
  encoding: string,
): Promise<MultipartResult> {
  checkMultipartContentType(contentType);
  // busboy decodes only UTF-8 and Latin-1 correctly: for another request charset it hands over
  // the raw bytes (as Latin-1) of parts without a charset of their own, decoded here.
  const utf8 = isUtf8Label(encoding);
  const charset = utf8 ? null : requireCharset(encoding);
  const maxMemory = settings.dataUploadMaxMemorySize;
  const maxFields = settings.dataUploadMaxNumberFields;
  const maxFiles = settings.dataUploadMaxNumberFiles;
  const maxParts = settings.dataUploadMaxNumberParts;
  const maxTotal = settings.fileUploadMaxTotalSize;
  let parser: ReturnType<typeof busboy>;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      defCharset: utf8 ? 'utf-8' : 'latin1',
      preservePath: true,
      // Django decides by the filename parameter alone: a part with a non-empty one is a file
      // (with `filename=""` it is an ordinary field).
      isPartAFile: (_field, _type, fileName) => fileName !== undefined && fileName !== '',
      limits: {
        fieldNameSize: maxMemory ?? Number.MAX_SAFE_INTEGER,
        fieldSize: maxMemory === null ? Number.MAX_SAFE_INTEGER : maxMemory + 1,
        parts: maxParts ?? Number.POSITIVE_INFINITY,
      },
    });
  } catch (error) {
    throw new MultiPartParserError(
      `Invalid multipart Content-Type ${JSON.stringify(contentType)}: ${describe(error)}. ` +
        'Send multipart/form-data with a boundary parameter.',
    );
  }

  const post = new QueryDict(null, { mutable: true, encoding });
  // The headers of the part being announced: set by watchPartHeaders before busboy's 'field'
  // (at the part's end) and read by the 'file' handler through `announcedFile`.
  let partCharset: string | null = null;
  let announcedFile: PartHeaders | null = null;
  watchPartHeaders(parser, (headers) => {
    partCharset = headers.charset;
    if (announcedFile !== null) {
      announcedFile.contentType = headers.contentType ?? '';
      announcedFile.charset = headers.charset;
      announcedFile = null;
    }
  });
  const files = new MultiValueDict<UploadedFile>();
  const tempPaths: string[] = [];
  const fileTasks: Promise<void>[] = [];
  const activeStreams = new Set<Readable>();
  let failure: unknown = null;
  let fieldCount = 0;
  let fileCount = 0;
  let fieldBytes = 0;
  const textEncoder = new TextEncoder();

  // Set while the read loop waits for the parser to drain: a failure must end that wait too,
  // since a file stream destroyed mid-way may never let the parser drain.
  let wake: (() => void) | null = null;
  const fail = (error: unknown): void => {
    if (failure !== null) return;
    failure = error;
    for (const stream of activeStreams) stream.destroy();
    wake?.();
  };

  // Busboy counts every part, empty and nameless ones too, and skips the rest once over.
  parser.on('partsLimit', () => {
    fail(
      new TooManyFieldsSent(
        `The multipart body has more than ${maxParts} parts (fields, files and empty parts). ` +
          'Send fewer parts, or raise the dataUploadMaxNumberParts option.',
      ),
    );
  });

  parser.on('field', (name, rawValue, _nameTruncated, valueTruncated, transferEncoding) => {
    if (failure !== null || name === undefined) return;
    let value: string;
    try {
      value = fieldValue(rawValue, transferEncoding, partCharset, charset);
    } catch (error) {
      fail(error);
      return;
    }
    fieldCount += 1;
    if (maxFields !== null && fieldCount > maxFields) {
      fail(
        new TooManyFieldsSent(
          'The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS. ' +
            `Send at most ${maxFields} fields, or raise the dataUploadMaxNumberFields option.`,
        ),
      );
      return;
    }
    fieldBytes += textEncoder.encode(name).length + 2 + textEncoder.encode(value).length;
    if (valueTruncated || (maxMemory !== null && fieldBytes > maxMemory)) {
      fail(
        new RequestDataTooBig(
          'Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE. ' +
            `The form fields are larger than ${maxMemory} bytes; raise the dataUploadMaxMemorySize option to accept them.`,
        ),
      );
      return;
    }
    post.appendList(name, value);
  });

  parser.on('file', (fieldName, stream, rawFileName, transferEncoding, mimeType) => {
    if (failure !== null) {
      stream.resume();
      return;
    }
    fileCount += 1;
    if (maxFiles !== null && fileCount > maxFiles) {
      stream.resume();
      fail(
        new TooManyFilesSent(
          'The number of files exceeded settings.DATA_UPLOAD_MAX_NUMBER_FILES. ' +
            `Send at most ${maxFiles} files, or raise the dataUploadMaxNumberFiles option.`,
        ),
      );
      return;
    }
    const name = sanitizeFileName(rawFileName);
    if (name === null || fieldName === undefined) {
      stream.resume();
      return;
    }
    activeStreams.add(stream);
    const headers: PartHeaders = { contentType: mimeType, charset: null };
    announcedFile = headers;
    fileTasks.push(
      receiveFile(name, stream, transferEncoding === 'base64', settings, tempPaths).then(
        (received) => {
          activeStreams.delete(stream);
          const init = {
            name,
            fieldName,
            contentType: headers.contentType ?? '',
            charset: headers.charset,
            size: received.size,
          };
          files.appendList(
            fieldName,
            received.path === null
              ? new InMemoryUploadedFile(received.data, init)
              : new TemporaryUploadedFile(received.path, init),
          );
        },
        (error: unknown) => {
          activeStreams.delete(stream);
          fail(
            failure === null && !RequestDataTooBig.isInstance(error)
              ? new MultiPartParserError(
                  `The upload of field '${fieldName}' failed: ${describe(error)}`,
                )
              : error,
          );
        },
      ),
    );
  });

  const done = new Promise<void>((resolve) => {
    parser.on('finish', resolve);
    parser.on('error', (error: unknown) => {
      fail(new MultiPartParserError(`Malformed multipart body: ${describe(error)}.`));
      resolve();
    });
  });

  let received = 0;
  try {
    for await (const chunk of source) {
      if (failure !== null) break;
      received += chunk.length;
      if (maxTotal !== null && received > maxTotal) {
        fail(totalTooBig(maxTotal));
        break;
      }
      const flowing = parser.write(chunk);
      // Stop at the chunk that broke a limit: pulling one more would read it for nothing.
      if (failure !== null) break;
      if (!flowing) {
        await new Promise<void>((resolve) => {
          const settle = (): void => {
            parser.off('drain', settle);
            parser.off('error', settle);
            wake = null;
            resolve();
          };
          wake = settle;
          parser.on('drain', settle);
          parser.on('error', settle);
        });
      }
    }
  } catch (error) {
    fail(
      UnreadablePostError.isInstance(error)
        ? error
        : new UnreadablePostError(`The request body could not be read: ${describe(error)}`),
    );
  }
  if (failure === null && received === 0) {
    // An empty body is an empty form, as in Django, not a malformed one.
    parser.destroy();
    setQueryDictMutable(post, false);
    return { post, files };
  }
  if (failure === null) {
    parser.end();
    await done;
  } else {
    parser.destroy();
  }
  await Promise.allSettled(fileTasks);
  if (failure !== null) {
    await Promise.all(tempPaths.map((path) => removeTempPath(path)));
    // The parser's or a file task's own error, rethrown as it was caught.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw failure;
  }
  setQueryDictMutable(post, false);
  return { post, files };
}

/**
 * The body is over `fileUploadMaxTotalSize` (413); also thrown before reading when the declared
 * Content-Length is.
 */
export function totalTooBig(limit: number): RequestDataTooBig {
  return new RequestDataTooBig(
    `The multipart body is larger than ${limit} bytes (fileUploadMaxTotalSize, which counts ` +
      'files too). Send a smaller upload, or raise the fileUploadMaxTotalSize option.',
  );
}

interface ReceivedFile {
  size: number;
  data: Uint8Array;
  path: string | null;
}

async function* base64Decoded(stream: Readable): AsyncGenerator<Uint8Array> {
  // Decode in groups of four characters; whitespace (line breaks) between them is ignored.
  let pending = '';
  for await (const chunk of stream) {
    pending += (chunk as Buffer).toString('latin1').replace(/[^A-Za-z0-9+/=]/g, '');
    const usable = pending.length - (pending.length % 4);
    if (usable > 0) {
      yield Buffer.from(pending.slice(0, usable), 'base64');
      pending = pending.slice(usable);
    }
  }
  if (pending.length > 0) yield Buffer.from(pending, 'base64');
}

async function receiveFile(
  name: string,
  stream: Readable,
  base64: boolean,
  settings: ResolvedRequestOptions,
  tempPaths: string[],
): Promise<ReceivedFile> {
  const threshold = settings.fileUploadMaxMemorySize;
  const maxSize = settings.fileUploadMaxSize;
  let chunks: Uint8Array[] = [];
  let size = 0;
  let handle: FileHandle | null = null;
  let path: string | null = null;
  try {
    for await (const chunk of base64 ? base64Decoded(stream) : stream) {
      const bytes = chunk as Uint8Array;
      size += bytes.length;
      if (maxSize !== null && size > maxSize) {
        throw new RequestDataTooBig(
          `The uploaded file ${JSON.stringify(name)} is larger than ${maxSize} bytes ` +
            '(fileUploadMaxSize). Send a smaller file, or raise the fileUploadMaxSize option.',
        );
      }
      if (handle === null) {
        chunks.push(bytes);
        if (size > threshold) {
          path = createTempPath(settings.fileUploadTempDir);
          tempPaths.push(path);
          handle = await open(path, 'wx', 0o600);
          for (const pending of chunks) await handle.write(pending);
          chunks = [];
        }
      } else {
        await handle.write(bytes);
      }
    }
  } finally {
    await handle?.close();
  }
  if (path !== null) return { size, data: new Uint8Array(0), path };
  return { size, data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), path: null };
}
