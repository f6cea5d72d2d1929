/**
 * Django's `django.utils.http.urlencode()`: a query string from pairs, an object, a `Map` or a
 * `MultiValueDict`/`QueryDict`, with `doseq` to expand sequences into repeated keys.
 *
 * @module
 */
import { pyStr, quotePlus } from '@reins/core';
import { quoteFromBytes } from './internal/url-encoding.js';
import { MultiValueDict } from './multi-value-dict.js';

/** What {@link urlencode} takes: pairs, a plain object, a `Map`, or a `MultiValueDict` (lists). */
export type UrlencodeQuery =
  | Iterable<readonly [unknown, unknown]>
  | ReadonlyMap<unknown, unknown>
  | MultiValueDict<unknown>
  | Readonly<Record<string, unknown>>;

function noneError(key: unknown): TypeError {
  return new TypeError(
    `Cannot encode None for key '${pyStr(key)}' in a query string. Did you mean to pass an empty string or omit the value?`,
  );
}

function encode(value: unknown): string {
  return value instanceof Uint8Array
    ? quoteFromBytes(value, '', true)
    : quotePlus(pyStr(value), '');
}

function pairsOf(query: UrlencodeQuery): Iterable<readonly [unknown, unknown]> {
  if (query instanceof MultiValueDict) return query.lists();
  if (query instanceof Map) return query.entries();
  if (Symbol.iterator in query) return query as Iterable<readonly [unknown, unknown]>;
  return Object.entries(query);
}

function isSequence(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    Symbol.iterator in value
  );
}

/**
 * A query string, as Django's `urlencode(query, doseq)`: keys and values become text as Python's
 * `str()` writes them (`true` → `True`) and are encoded with `quote_plus` (bytes as they are);
 * with `doseq`, an iterable value (not a string) gives one `key=item` per item, without it the
 * value's `str()` (`['1', '2']`). A `MultiValueDict` contributes its lists.
 *
 * @throws {TypeError} for a `null` or `undefined` value (Django: `None`), naming the key.
 * @example
 * urlencode({ q: 'a b', page: 2 }); // 'q=a+b&page=2'
 * urlencode([['tag', ['x', 'y']]], true); // 'tag=x&tag=y'
 */
export function urlencode(query: UrlencodeQuery, doseq = false): string {
  const parts: string[] = [];
  for (const [key, value] of pairsOf(query)) {
    if (value === null || value === undefined) throw noneError(key);
    const encodedKey = encode(key);
    if (!doseq || typeof value === 'string' || !isSequence(value)) {
      parts.push(`${encodedKey}=${encode(value)}`);
      continue;
    }
    for (const item of value) {
      if (item === null || item === undefined) throw noneError(key);
      parts.push(`${encodedKey}=${encode(item)}`);
    }
  }
  return parts.join('&');
}
