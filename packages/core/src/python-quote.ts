/**
 * Python's `urllib.parse` percent-encoding, which Django's behaviour is defined by: `quote` /
 * `quotePlus` encode every UTF-8 byte outside the unreserved set and `safe`; `unquote` /
 * `unquotePlus` keep a malformed escape literally and decode invalid bytes to U+FFFD
 * (`errors='replace'`). Each has a fast path for the usual already-clean input. A lone surrogate
 * (which Python refuses to encode) is encoded as U+FFFD, as the WHATWG URL parser does.
 *
 * @module
 */
import { decoderFor } from './internal/decoder-for.js';

const HEX = '0123456789ABCDEF';
const ALWAYS_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~';
// '%00' … '%FF': the UTF-8 bytes are computed inline, so encoding allocates nothing but the result.
const PERCENT = Array.from({ length: 256 }, (_, byte) => '%' + HEX[byte >> 4]! + HEX[byte & 15]!);
const safeTables = new Map<string, Uint8Array>();

let lastSafe = '/';
let lastTable: Uint8Array | undefined;

// One 128-entry table per distinct `safe` argument (a program uses a handful), so the scan is one
// indexed load per character; the last one is kept aside because a caller in a loop (reverse(),
// a query string) asks for the same `safe` every time, and that skips the Map lookup.
function safeTable(safe: string): Uint8Array {
  if (safe === lastSafe && lastTable !== undefined) return lastTable;
  let table = safeTables.get(safe);
  if (table === undefined) {
    table = new Uint8Array(128);
    for (const char of ALWAYS_SAFE + safe) {
      const code = char.charCodeAt(0);
      if (code < 128) table[code] = 1;
    }
    safeTables.set(safe, table);
  }
  lastSafe = safe;
  lastTable = table;
  return table;
}

function encode(value: string, safe: string, plus: boolean): string {
  const table = safeTable(plus ? safe + ' ' : safe);
  let i = 0;
  const length = value.length;
  while (i < length) {
    const code = value.charCodeAt(i);
    if (code >= 128 || table[code] !== 1 || (plus && code === 32)) break;
    i += 1;
  }
  if (i === length) return value;
  let out = value.slice(0, i);
  for (; i < length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x80) {
      if (plus && code === 32) out += '+';
      else if (table[code] === 1) out += value[i];
      else out += PERCENT[code]!;
    } else if (code < 0x800) {
      out += PERCENT[0xc0 | (code >> 6)]! + PERCENT[0x80 | (code & 0x3f)]!;
    } else {
      let point = code;
      if (code >= 0xd800 && code <= 0xdfff) {
        // A surrogate pair is one astral character (4 bytes); a lone surrogate becomes U+FFFD.
        const next = i + 1 < length ? value.charCodeAt(i + 1) : 0;
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i += 1;
        } else {
          point = 0xfffd;
        }
      }
      if (point >= 0x10000) {
        out +=
          PERCENT[0xf0 | (point >> 18)]! +
          PERCENT[0x80 | ((point >> 12) & 0x3f)]! +
          PERCENT[0x80 | ((point >> 6) & 0x3f)]! +
          PERCENT[0x80 | (point & 0x3f)]!;
      } else {
        out +=
          PERCENT[0xe0 | (point >> 12)]! +
          PERCENT[0x80 | ((point >> 6) & 0x3f)]! +
          PERCENT[0x80 | (point & 0x3f)]!;
      }
    }
  }
  return out;
}

/**
 * Python's `quote(value, safe='/')`: everything but letters, digits, `_.-~` and `safe` is
 * percent-encoded as UTF-8.
 *
 * @example
 * quote('a b/ç'); // 'a%20b/%C3%A7'
 * quote('a/b', ''); // 'a%2Fb'
 */
export function quote(value: string, safe = '/'): string {
  return encode(value, safe, false);
}

/**
 * Python's `quote_plus(value, safe='')`: like {@link quote}, with spaces as `+`.
 *
 * @example
 * quotePlus('a b&c'); // 'a+b%26c'
 */
export function quotePlus(value: string, safe = ''): string {
  return encode(value, safe, true);
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

// The byte of the `%XX` escape starting at `i`, or -1 when it is not one (kept literally).
function escapedByteAt(value: string, i: number): number {
  if (i + 2 >= value.length) return -1;
  const high = hexValue(value.charCodeAt(i + 1));
  const low = hexValue(value.charCodeAt(i + 2));
  return high >= 0 && low >= 0 ? high * 16 + low : -1;
}

/** What decodes the bytes of percent-escapes: an encoding label `TextDecoder` knows, or a decoder. */
export type UnquoteEncoding = string | { decode(bytes: Uint8Array): string };

function isUtf8(encoding: UnquoteEncoding): boolean {
  if (typeof encoding !== 'string') return false;
  const lower = encoding.toLowerCase();
  return lower === 'utf-8' || lower === 'utf8';
}

/**
 * Python's `unquote(value, encoding, errors='replace')`: runs of valid `%XX` escapes are decoded
 * as bytes in `encoding` (invalid sequences → U+FFFD); a `%` not followed by two hex digits is kept.
 * `encoding` is a `TextDecoder` label or, for a charset `TextDecoder` lacks, any `{ decode }`.
 *
 * @example
 * unquote('a%20b%FF%'); // 'a b\uFFFD%'
 */
export function unquote(value: string, encoding: UnquoteEncoding = 'utf-8'): string {
  if (!value.includes('%')) return value;
  if (isUtf8(encoding)) {
    try {
      // Same answer as the slow path whenever every escape is well formed and valid UTF-8.
      return decodeURIComponent(value);
    } catch {
      // fall through to the tolerant decoder
    }
  }
  const decoder = typeof encoding === 'string' ? decoderFor(encoding) : encoding;
  let out = '';
  let i = 0;
  const length = value.length;
  let bytes: number[] | null = null;
  while (i < length) {
    const code = value.charCodeAt(i);
    const byte = code === 37 ? escapedByteAt(value, i) : -1;
    if (byte >= 0) {
      (bytes ??= []).push(byte);
      i += 3;
      continue;
    }
    if (bytes !== null) {
      out += decoder.decode(Uint8Array.from(bytes));
      bytes = null;
    }
    out += value[i];
    i += 1;
  }
  if (bytes !== null) out += decoder.decode(Uint8Array.from(bytes));
  return out;
}

/**
 * Python's `unquote_plus`: `+` is a space, then {@link unquote}.
 *
 * @example
 * unquotePlus('a+b%2B'); // 'a b+'
 */
export function unquotePlus(value: string, encoding: UnquoteEncoding = 'utf-8'): string {
  return unquote(value.includes('+') ? value.replaceAll('+', ' ') : value, encoding);
}

const utf8Encoder = new TextEncoder();

/**
 * Python's `unquote_to_bytes(value)`: the text as UTF-8 bytes with each valid `%XX` escape
 * replaced by its byte; a `%` not followed by two hex digits is kept.
 *
 * @example
 * unquoteToBytes('%E2%82%AC%'); // Uint8Array [0xe2, 0x82, 0xac, 0x25]
 */
export function unquoteToBytes(value: string): Uint8Array {
  const bytes: number[] = [];
  const length = value.length;
  for (let i = 0; i < length; i += 1) {
    const code = value.charCodeAt(i);
    const byte = code === 37 ? escapedByteAt(value, i) : -1;
    if (byte >= 0) {
      bytes.push(byte);
      i += 2;
      continue;
    }
    if (code < 0x80) {
      bytes.push(code);
    } else {
      let end = i + 1;
      if (code >= 0xd800 && code <= 0xdbff && end < length) end += 1;
      for (const byte of utf8Encoder.encode(value.slice(i, end))) bytes.push(byte);
      i = end - 1;
    }
  }
  return Uint8Array.from(bytes);
}
