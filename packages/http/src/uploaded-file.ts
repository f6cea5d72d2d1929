/**
 * `UploadedFile`: one file of a multipart upload (`request.FILES`), held in memory when small
 * (`InMemoryUploadedFile`) or in a temporary file that is removed when the request closes
 * (`TemporaryUploadedFile`), as Django's upload handlers do.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { requireCharset } from './internal/charset.js';
import { forget, removeTempPath, removeWhenCollected } from './internal/temp-files.js';

const BRAND = Symbol.for('reins.UploadedFile');
const DEFAULT_CHUNK_SIZE = 64 * 1024;

/** What every uploaded file knows about itself. */
export interface UploadedFileInit {
  /** The sanitised client file name (no directories). */
  name: string;
  /** The form field it came in. */
  fieldName: string;
  /** The part's `Content-Type`, e.g. `'image/png'`. */
  contentType: string;
  /** The part's charset parameter, if it had one. */
  charset: string | null;
  /** Its size in bytes. */
  size: number;
}

/**
 * A file uploaded in a multipart form: `name`, `size`, `contentType`, and its bytes through
 * `read()`, `text()` or `chunks()`.
 *
 * @example
 * await request.loadBody();
 * const avatar = request.FILES.get('avatar');
 * if (avatar) await writeFile(`media/${avatar.name}`, await avatar.read());
 */
export abstract class UploadedFile {
  readonly name: string;
  readonly fieldName: string;
  readonly contentType: string;
  readonly charset: string | null;
  readonly size: number;

  constructor(init: UploadedFileInit) {
    this.name = init.name;
    this.fieldName = init.fieldName;
    this.contentType = init.contentType;
    this.charset = init.charset;
    this.size = init.size;
  }

  /** Whether `value` is an uploaded file, by brand (works across package copies). */
  static isInstance(value: unknown): value is UploadedFile {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }

  /** The whole file. */
  abstract read(): Promise<Uint8Array>;

  /** The file in chunks of at most `chunkSize` bytes. */
  abstract chunks(chunkSize?: number): AsyncIterable<Uint8Array>;

  /** Whether `chunks(chunkSize)` would yield more than one chunk. */
  multipleChunks(chunkSize = DEFAULT_CHUNK_SIZE): boolean {
    return this.size > chunkSize;
  }

  /** The file decoded as text (its charset, else UTF-8). */
  async text(): Promise<string> {
    return requireCharset(this.charset ?? 'utf-8').decode(await this.read());
  }

  /** Release what the file holds (removes a temporary file); called by `request.close()`. */
  async close(): Promise<void> {
    // nothing to release for an in-memory file
  }
}
Object.defineProperty(UploadedFile.prototype, BRAND, { value: true });

/**
 * An upload small enough to be kept in memory.
 *
 * @example
 * new InMemoryUploadedFile(bytes, { name: 'a.txt', fieldName: 'f', contentType: 'text/plain', charset: null, size: bytes.length });
 */
export class InMemoryUploadedFile extends UploadedFile {
  readonly #data: Uint8Array;

  constructor(data: Uint8Array, init: Omit<UploadedFileInit, 'size'> & { size?: number }) {
    super({ ...init, size: init.size ?? data.length });
    this.#data = data;
  }

  read(): Promise<Uint8Array> {
    return Promise.resolve(this.#data);
  }

  // In memory, the slices are ready at once: nothing to await, yet the contract is async.
  // eslint-disable-next-line @typescript-eslint/require-await
  async *chunks(chunkSize = DEFAULT_CHUNK_SIZE): AsyncIterable<Uint8Array> {
    for (let offset = 0; offset < this.#data.length; offset += chunkSize) {
      yield this.#data.subarray(offset, offset + chunkSize);
    }
  }
}

/**
 * An upload spilled to a temporary file, removed when the request closes.
 *
 * @example
 * if (file instanceof TemporaryUploadedFile) await rename(file.temporaryFilePath(), dest); // keep it
 */
export class TemporaryUploadedFile extends UploadedFile {
  readonly #path: string;

  constructor(path: string, init: UploadedFileInit) {
    super(init);
    this.#path = path;
    removeWhenCollected(this, path);
  }

  /** Where the bytes are on disk (until the request closes). */
  temporaryFilePath(): string {
    return this.#path;
  }

  async read(): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.#path));
  }

  async *chunks(chunkSize = DEFAULT_CHUNK_SIZE): AsyncIterable<Uint8Array> {
    for await (const chunk of createReadStream(this.#path, { highWaterMark: chunkSize })) {
      yield chunk as Uint8Array;
    }
  }

  override async close(): Promise<void> {
    forget(this);
    await removeTempPath(this.#path);
  }
}
