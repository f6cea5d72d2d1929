/**
 * `ResponseHeaders`: the case-insensitive header map of a response, which refuses values that
 * could split the header block (CR, LF) with `BadHeaderError`, as Django's does.
 *
 * @module
 */
import { BadHeaderError } from './errors.js';
import { pyRepr } from './internal/python-string.js';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const NEWLINE = /[\r\n]/;
// eslint-disable-next-line no-control-regex
const OTHER_CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
// eslint-disable-next-line no-control-regex
const NOT_LATIN1 = /[^\x00-\xff]/;

/** A header value as given: anything with a string form. */
export type HeaderValue = string | number | boolean | bigint;

/** Validate and normalise a header value; exported for the cookie serialiser. */
export function checkHeaderValue(value: HeaderValue): string {
  let text = String(value);
  if (NEWLINE.test(text)) {
    throw new BadHeaderError(
      `Header values can't contain newlines (got ${pyRepr(text)}). Remove the CR/LF characters, or encode the value.`,
    );
  }
  if (OTHER_CONTROL.test(text)) {
    throw new BadHeaderError(
      `Header values can't contain control characters (got ${pyRepr(text)}). Remove them, or encode the value.`,
    );
  }
  if (NOT_LATIN1.test(text)) {
    // RFC 2047 encoded word, as Django does for values outside Latin-1.
    text = `=?utf-8?b?${Buffer.from(text, 'utf8').toString('base64')}?=`;
  }
  return text;
}

function checkName(name: string): void {
  if (NEWLINE.test(name)) {
    throw new BadHeaderError(`Header names can't contain newlines (got ${pyRepr(name)}).`);
  }
  if (!TOKEN.test(name)) {
    throw new BadHeaderError(
      `Invalid header name ${pyRepr(name)}: HTTP response headers must be in ascii format, ` +
        "made of letters, digits and !#$%&'*+.^_`|~-.",
    );
  }
}

/**
 * Case-insensitive response headers that keep the case of the last name set and the order of
 * first insertion.
 *
 * @example
 * response.headers.set('Cache-Control', 'no-cache');
 * response.headers.get('cache-control'); // 'no-cache'
 */
export class ResponseHeaders implements Iterable<[string, string]> {
  /** @internal lower-case name → [name as set, value] */
  readonly store = new Map<string, [string, string]>();

  constructor(init?: Record<string, HeaderValue> | Iterable<readonly [string, HeaderValue]>) {
    if (init === undefined) return;
    const pairs = Symbol.iterator in init ? init : Object.entries(init);
    for (const [name, value] of pairs as Iterable<readonly [string, HeaderValue]>)
      this.set(name, value);
  }

  /**
   * Set header `name` to `value`.
   *
   * @throws {BadHeaderError} when the name or value contains CR, LF or another control character.
   */
  set(name: string, value: HeaderValue): this {
    checkName(name);
    this.store.set(name.toLowerCase(), [name, checkHeaderValue(value)]);
    return this;
  }

  /** The value of `name`, or `undefined`. */
  get(name: string): string | undefined {
    return this.store.get(name.toLowerCase())?.[1];
  }

  /** Whether `name` is set. */
  has(name: string): boolean {
    return this.store.has(name.toLowerCase());
  }

  /** Remove `name`; returns whether it was set. */
  delete(name: string): boolean {
    return this.store.delete(name.toLowerCase());
  }

  /** Set `name` to `value` unless it is already set; returns the value in effect. */
  setDefault(name: string, value: HeaderValue): string {
    const existing = this.get(name);
    if (existing !== undefined) return existing;
    this.set(name, value);
    return this.get(name)!;
  }

  /** The number of headers. */
  get size(): number {
    return this.store.size;
  }

  /** `[name, value]` pairs in insertion order. */
  *entries(): IterableIterator<[string, string]> {
    for (const entry of this.store.values()) yield [entry[0], entry[1]];
  }

  /** The header names as set. */
  *keys(): IterableIterator<string> {
    for (const entry of this.store.values()) yield entry[0];
  }

  /** The header values. */
  *values(): IterableIterator<string> {
    for (const entry of this.store.values()) yield entry[1];
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** The headers as `Name: value` lines joined by CRLF (Django's `serialize_headers()`). */
  toString(): string {
    return [...this.entries()].map(([name, value]) => `${name}: ${value}`).join('\r\n');
  }
}
