/**
 * `HttpHeaders`: the request's headers as Django's `request.headers` presents them — read-only,
 * case-insensitive, looked up by `Content-Type`, `content-type` or `CONTENT_TYPE` alike, and
 * listed with title-cased names (`X-Custom-Thing`).
 *
 * @module
 */

/** Raw request headers as Node gives them: lower-case names, one string per name. */
export type RawHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Python's `str.title()` on a lower-case header name: a letter after a non-letter is upper-cased. */
function titleCase(name: string): string {
  return name.replace(
    /(^|[^a-z])([a-z])/g,
    (_match, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

/**
 * Read-only, case-insensitive view of the request headers. Names containing `_` are left out,
 * as Django's development server does, because `X_Forwarded_For` and `X-Forwarded-For` would
 * otherwise reach the same `META` key.
 *
 * @example
 * request.headers.get('user-agent');
 * request.headers.get('X_Requested_With'); // underscores work too
 */
export class HttpHeaders implements Iterable<[string, string]> {
  readonly #raw: RawHeaders;

  constructor(raw: RawHeaders) {
    this.#raw = raw;
  }

  /** The value of header `name` (any case, `_` or `-`), or `undefined`. */
  get(name: string): string | undefined {
    let key = name.toLowerCase();
    if (key.includes('_')) key = key.replaceAll('_', '-');
    const value = this.#raw[key];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : value.join(', ');
  }

  /** Whether header `name` is present. */
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** `[Title-Cased-Name, value]` pairs. */
  *entries(): IterableIterator<[string, string]> {
    for (const key of Object.keys(this.#raw)) {
      if (key.includes('_')) continue;
      const value = this.get(key);
      if (value !== undefined) yield [titleCase(key), value];
    }
  }

  /** The title-cased header names. */
  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  /** A plain object of title-cased name → value, as Django's `dict(request.headers)`. */
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.entries());
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}
