/**
 * `ResponseHeaders`: the case-insensitive header map of a response, which refuses values that
 * could split the header block (CR, LF) with `BadHeaderError`, as Django's does.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { BadHeaderError } from './errors.js';
import { pyRepr } from './internal/python-string.js';

// RFC 9110 token characters, as a lookup table: a loop over it beats a regular expression on
// the short strings headers are, and this runs for every header of every response.
const TOKEN_CHARS = new Uint8Array(128);
for (const char of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
  TOKEN_CHARS[char.charCodeAt(0)] = 1;
}

/** A header value as given: anything with a string form. */
export type HeaderValue = string | number | boolean | bigint;

// Responses of one app set the same few header names and values over and over (middleware's
// constants): remember the ones already checked. Bounded, and emptied when full, so dynamic
// values cannot make them grow without limit.
const CACHE_LIMIT = 512;
const lowerNames = new Map<string, string>();
const checkedValues = new Set<string>();
let lastChecked = '';

/** Validate `name` and return its lower-case form. */
function lowerName(name: string): string {
  const known = lowerNames.get(name);
  if (known !== undefined) return known;
  checkName(name);
  // Internalized (as a property key is), so it is the same string as a literal 'content-type'
  // and the header list compares it by pointer.
  const lower = Object.keys({ [name.toLowerCase()]: 0 })[0]!;
  if (lowerNames.size >= CACHE_LIMIT) lowerNames.clear();
  lowerNames.set(name, lower);
  return lower;
}

const Q_SAFE = /[-!*+/0-9A-Za-z]/;

/**
 * An RFC 2047 encoded word, as Django makes of a value outside Latin-1 (`email.header.Header(value,
 * 'utf-8').encode()`): Q or B encoding, whichever is shorter (Q on a tie), as Python's utf-8
 * charset chooses.
 */
function mimeEncode(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let qLength = 0;
  for (const byte of bytes)
    qLength += byte === 0x20 || Q_SAFE.test(String.fromCharCode(byte)) ? 1 : 3;
  if (4 * Math.ceil(bytes.length / 3) < qLength) return `=?utf-8?b?${bytes.toString('base64')}?=`;
  let encoded = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (byte === 0x20) encoded += '_';
    else if (Q_SAFE.test(char)) encoded += char;
    else encoded += '=' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return `=?utf-8?q?${encoded}?=`;
}

/** Validate and normalise a header value; exported for the cookie serialiser. */
export function checkHeaderValue(value: HeaderValue): string {
  // The last value checked first: a view sets the same Content-Type constant on every response.
  if (value === lastChecked) return value;
  if (typeof value === 'string' && checkedValues.has(value)) {
    lastChecked = value;
    return value;
  }
  const text = typeof value === 'string' ? value : String(value);
  let wide = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) {
      if (code === 0x09) continue;
      if (code === 0x0a || code === 0x0d) {
        throw new BadHeaderError(
          `Header values can't contain newlines (got ${pyRepr(text)}). Remove the CR/LF characters, or encode the value.`,
        );
      }
      throw new BadHeaderError(
        `Header values can't contain control characters (got ${pyRepr(text)}). Remove them, or encode the value.`,
      );
    }
    if (code > 0xff) wide = true;
  }
  if (wide) return mimeEncode(text);
  if (text.length <= 256) {
    if (checkedValues.size >= CACHE_LIMIT) checkedValues.clear();
    checkedValues.add(text);
    lastChecked = text;
  }
  return text;
}

function checkName(name: string): void {
  let valid = name.length > 0;
  for (let i = 0; valid && i < name.length; i += 1) {
    const code = name.charCodeAt(i);
    valid = code < 128 && TOKEN_CHARS[code] === 1;
  }
  if (valid) return;
  if (/[\r\n]/.test(name)) {
    throw new BadHeaderError(`Header names can't contain newlines (got ${pyRepr(name)}).`);
  }
  throw new BadHeaderError(
    `Invalid header name ${pyRepr(name)}: HTTP response headers must be in ascii format, ` +
      "made of letters, digits and !#$%&'*+.^_`|~-.",
  );
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
  // `[lower-case name, name as set, value]` triples in insertion order. A response has a handful
  // of headers: scanning a flat list beats hashing into a Map, and one small array is far less
  // per-response garbage than a Map and an entry array per header.
  #list: string[] | null = null;
  // Whether #list may be another ResponseHeaders' too: then it is copied before the first change.
  #shared = false;

  constructor(init?: Record<string, HeaderValue> | Iterable<readonly [string, HeaderValue]>) {
    if (init === undefined) return;
    if (init instanceof ResponseHeaders) {
      // Already checked when they were set: a copy needs no second pass, and shares the list
      // until either side changes it (a page-cache hit rebuilds its response from the same
      // headers on every request, and sends most of them unchanged).
      const list = init.#list;
      if (list !== null) {
        this.#list = list;
        this.#shared = true;
        init.#shared = true;
      }
      return;
    }
    const pairs = Symbol.iterator in init ? init : Object.entries(init);
    for (const [name, value] of pairs) this.set(name, value);
  }

  #find(lower: string): number {
    const list = this.#list;
    if (list === null) return -1;
    for (let i = 0; i < list.length; i += 3) if (list[i] === lower) return i;
    return -1;
  }

  /** The list, for a change: a copy of its own first when it is shared. */
  #own(): string[] | null {
    if (this.#shared) {
      this.#shared = false;
      if (this.#list !== null) this.#list = this.#list.slice();
    }
    return this.#list;
  }

  #put(lower: string, name: string, value: string): void {
    const list = this.#own();
    if (list === null) {
      this.#list = [lower, name, value];
      return;
    }
    const at = this.#find(lower);
    if (at === -1) {
      list.push(lower, name, value);
    } else {
      // Django's dict: a header set again keeps its place.
      list[at + 1] = name;
      list[at + 2] = value;
    }
  }

  /**
   * Set header `name` to `value`.
   *
   * @throws {BadHeaderError} when the name or value contains CR, LF or another control character.
   */
  set(name: string, value: HeaderValue): this {
    this.#put(lowerName(name), name, checkHeaderValue(value));
    return this;
  }

  /** The value of `name`, or `undefined`. */
  get(name: string): string | undefined {
    return this.getLower(lowerNames.get(name) ?? name.toLowerCase());
  }

  /** Whether `name` is set. */
  has(name: string): boolean {
    return this.#find(lowerNames.get(name) ?? name.toLowerCase()) !== -1;
  }

  /** Remove `name`; returns whether it was set. */
  delete(name: string): boolean {
    const at = this.#find(lowerNames.get(name) ?? name.toLowerCase());
    if (at === -1) return false;
    this.#own()!.splice(at, 3);
    return true;
  }

  /** @internal The value of the header with lower-case name `lower`, or `undefined`. */
  getLower(lower: string): string | undefined {
    const at = this.#find(lower);
    return at === -1 ? undefined : this.#list![at + 2];
  }

  /** @internal Set a header the package itself computed and knows to be valid. */
  setTrusted(name: string, lowerName: string, value: string): void {
    this.#put(lowerName, name, value);
  }

  /** @internal The `[lower-case name, name, value, …]` list (read only), or null when empty. */
  get list(): readonly string[] | null {
    return this.#list;
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
    return this.#list === null ? 0 : this.#list.length / 3;
  }

  /** `[name, value]` pairs in insertion order. */
  *entries(): IterableIterator<[string, string]> {
    const list = this.#list ?? [];
    for (let i = 0; i < list.length; i += 3) yield [list[i + 1]!, list[i + 2]!];
  }

  /** The header names as set. */
  *keys(): IterableIterator<string> {
    const list = this.#list ?? [];
    for (let i = 0; i < list.length; i += 3) yield list[i + 1]!;
  }

  /** The header values. */
  *values(): IterableIterator<string> {
    const list = this.#list ?? [];
    for (let i = 0; i < list.length; i += 3) yield list[i + 2]!;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** The headers as `Name: value` lines joined by CRLF (Django's `serialize_headers()`). */
  toString(): string {
    return [...this.entries()].map(([name, value]) => `${name}: ${value}`).join('\r\n');
  }
}
