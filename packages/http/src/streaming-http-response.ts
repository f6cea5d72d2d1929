/**
 * `StreamingHttpResponse`: a response whose body is produced while it is sent, from a sync or
 * async iterable (or a web `ReadableStream`) of strings and bytes. The adapters write each chunk
 * as it comes, with backpressure.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { encodeText, HttpResponseBase, type HttpResponseOptions } from './http-response.js';

/** What a streaming response can stream. */
export type StreamingContent =
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>
  | ReadableStream<string | Uint8Array>;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

type Chunk = string | Uint8Array;

// Django keeps `iter(value)`, so the content is consumed once even when it is a list: iterating
// the response again yields nothing, as a second pass over a generator would.
function oneShot(source: StreamingContent): Iterator<Chunk> | AsyncIterator<Chunk> {
  return isAsyncIterable(source)
    ? (source as AsyncIterable<Chunk>)[Symbol.asyncIterator]()
    : (source as Iterable<Chunk>)[Symbol.iterator]();
}

/**
 * A response streamed from an iterable; it has no `content`, only `streamingContent`, consumed once.
 *
 * @example
 * async function* rows() { yield 'id,name\n'; for await (const row of db.rows()) yield `${row.id},${row.name}\n`; }
 * return new StreamingHttpResponse(rows(), { contentType: 'text/csv' });
 */
export class StreamingHttpResponse extends HttpResponseBase {
  readonly streaming: boolean = true;
  #source: Iterator<Chunk> | AsyncIterator<Chunk>;

  constructor(streamingContent: StreamingContent = [], options: HttpResponseOptions = {}) {
    super(options);
    this.#source = oneShot(streamingContent);
  }

  /** Not available on a streaming response; read `streamingContent`. */
  get content(): never {
    throw new TypeError(
      `This ${this.constructor.name} instance has no \`content\` attribute. Use \`streamingContent\` instead.`,
    );
  }

  /** The body as an async iterable of bytes (strings encoded with the response charset). */
  get streamingContent(): AsyncIterable<Uint8Array> {
    const source = this.#source;
    const charset = this.charset;
    const encode = (chunk: string | Uint8Array): Uint8Array =>
      typeof chunk === 'string' ? encodeText(chunk, charset) : chunk;
    return {
      async *[Symbol.asyncIterator]() {
        let finished = false;
        try {
          for (;;) {
            const step = await source.next();
            if (step.done === true) {
              finished = true;
              return;
            }
            yield encode(step.value);
          }
        } finally {
          // A consumer that stops early closes the source, as `for … of` would.
          if (!finished) await source.return?.();
        }
      },
    };
  }

  set streamingContent(value: StreamingContent) {
    this.#source = oneShot(value);
  }

  /** Read the whole stream into one buffer (for tests; it consumes the stream). */
  async getValue(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this.streamingContent) parts.push(chunk);
    return Buffer.concat(parts);
  }
}
