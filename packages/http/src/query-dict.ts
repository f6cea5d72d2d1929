/**
 * `QueryDict`: Django's multi-valued, immutable-by-default dictionary of query-string and form
 * fields (`request.GET`, `request.POST`). Parsing follows Python's `parse_qsl` exactly; see
 * `internal/parse-qsl.ts`.
 *
 * @module
 */
import { quote, quotePlus } from '@reins/core';
import { isUtf8Label, LATIN1, requireCharset } from './internal/charset.js';
import { parseQsl } from './internal/parse-qsl.js';
import { quoteFromBytes } from './internal/url-encoding.js';
import { MultiValueDict } from './multi-value-dict.js';

/** Options of the {@link QueryDict} constructor. */
export interface QueryDictOptions {
  /** Allow mutation (Django's `mutable=True`); instances parsed from a request are immutable. */
  mutable?: boolean;
  /** The charset percent-escapes decode with; default `'utf-8'`. */
  encoding?: string;
  /** Reject more fields than this with `TooManyFieldsSent`; `null` for no limit. Default 1000. */
  maxNumFields?: number | null;
}

/** Django's default `DATA_UPLOAD_MAX_NUMBER_FIELDS`. */
export const DEFAULT_MAX_NUMBER_FIELDS = 1000;

let setMutable: (dict: QueryDict, mutable: boolean) => void;

/** Freeze or thaw a QueryDict the package built (the multipart parser fills one, then freezes it). */
export function setQueryDictMutable(dict: QueryDict, mutable: boolean): void {
  setMutable(dict, mutable);
}

/**
 * A multi-valued dictionary parsed from a query string, immutable unless built with
 * `{ mutable: true }` or obtained through `copy()`.
 *
 * @example
 * const q = new QueryDict('a=1&a=2&b=x+y');
 * q.get('a'); // '2'
 * q.getList('a'); // ['1', '2']
 * const next = q.copy(); next.set('page', '3'); next.urlencode(); // 'a=1&a=2&b=x+y&page=3'
 */
export class QueryDict extends MultiValueDict<string> {
  #mutable = true;
  #encoding: string;

  static {
    setMutable = (dict, mutable) => {
      dict.#mutable = mutable;
    };
  }

  /**
   * @throws {TooManyFieldsSent} when `query` holds more fields than `maxNumFields`.
   * @throws {TypeError} for an `encoding` Python's codecs do not know.
   */
  constructor(query?: string | Uint8Array | null, options: QueryDictOptions = {}) {
    super();
    this.#encoding = options.encoding ?? 'utf-8';
    if (query !== undefined && query !== null && query.length > 0) {
      const utf8 = isUtf8Label(this.#encoding);
      const charset = utf8 ? null : requireCharset(this.#encoding);
      let text: string;
      if (typeof query === 'string') {
        text = query;
      } else {
        // Query strings are ASCII in practice; bytes that are not valid in the declared
        // encoding mean a misbehaving client, read as ISO-8859-1 as Django does.
        text = (charset ?? requireCharset('utf-8')).decodeStrict(query) ?? LATIN1.decode(query);
      }
      const data = this.data;
      parseQsl(
        text,
        charset ?? 'utf-8',
        options.maxNumFields === undefined ? DEFAULT_MAX_NUMBER_FIELDS : options.maxNumFields,
        (key, value) => {
          const list = data.get(key);
          if (list === undefined) data.set(key, [value]);
          else list.push(value);
        },
      );
    }
    this.#mutable = options.mutable ?? false;
  }

  /**
   * A QueryDict with each of `keys` set to `value` (repeated keys append).
   *
   * @example
   * QueryDict.fromKeys(['a', 'a', 'b'], 'x').lists(); // a: ['x', 'x'], b: ['x']
   */
  static fromKeys(keys: Iterable<string>, value = '', options: QueryDictOptions = {}): QueryDict {
    const result = new QueryDict(null, { ...options, mutable: true });
    for (const key of keys) result.appendList(key, value);
    result.#mutable = options.mutable ?? false;
    return result;
  }

  /** Whether this instance may be changed. */
  get mutable(): boolean {
    return this.#mutable;
  }

  /** The charset escapes were decoded with. */
  get encoding(): string {
    return this.#encoding;
  }

  protected override assertMutable(): void {
    if (!this.#mutable) {
      throw new TypeError(
        'This QueryDict instance is immutable. Call copy() to get a mutable copy and change that.',
      );
    }
  }

  /**
   * A mutable copy (Django's `copy()`, which is deep; the values are strings, so a copy of each
   * list is enough).
   */
  override copy(): QueryDict {
    const result = new QueryDict(null, { mutable: true, encoding: this.#encoding });
    for (const [key, list] of this.data) result.data.set(key, list.slice());
    return result;
  }

  /**
   * The query string for these fields: `key=value` pairs joined by `&`, encoded with
   * `quote_plus` (space → `+`), or with `quote` keeping the characters in `safe`.
   *
   * @example
   * const q = new QueryDict('', { mutable: true }); q.set('next', '/a&b/ c');
   * q.urlencode(); // 'next=%2Fa%26b%2F+c'
   * q.urlencode('/'); // 'next=/a%26b/%20c'
   */
  urlencode(safe?: string): string {
    const parts: string[] = [];
    const safeChars = safe === '' ? undefined : safe;
    let encode: (value: string) => string;
    if (isUtf8Label(this.#encoding)) {
      encode =
        safeChars === undefined
          ? (value: string) => quotePlus(value, '')
          : (value: string) => quote(value, safeChars);
    } else {
      // Django encodes keys and values in the dict's encoding before quoting the bytes.
      const charset = requireCharset(this.#encoding);
      encode = (value: string) => {
        const bytes = charset.encode(value);
        if (bytes === null) {
          throw new TypeError(
            `${JSON.stringify(value)} cannot be encoded in this QueryDict's encoding ${JSON.stringify(this.#encoding)}; ` +
              "copy it into a QueryDict with encoding 'utf-8'.",
          );
        }
        return quoteFromBytes(bytes, safeChars ?? '', safeChars === undefined);
      };
    }
    for (const [key, list] of this.data) {
      const encodedKey = encode(key);
      for (const value of list) parts.push(`${encodedKey}=${encode(String(value))}`);
    }
    return parts.join('&');
  }
}
