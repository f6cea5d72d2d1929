/**
 * Percent-encoding and decoding with Python's `urllib.parse` rules, which Django's behaviour is
 * defined by: malformed escapes are kept literally, invalid UTF-8 decodes to U+FFFD in query
 * strings and forms, and is re-percent-encoded in paths (RFC 3987 §3.2, as Django's
 * `repercent_broken_unicode`). Each function has a fast path for the common, already-clean input.
 */

const HEX = '0123456789ABCDEF';
const utf8Encoder = new TextEncoder();
const decoders = new Map<string, TextDecoder>();

/** A cached non-fatal decoder for `encoding` (invalid bytes → U+FFFD). */
export function decoderFor(encoding: string): TextDecoder {
  let decoder = decoders.get(encoding);
  if (decoder === undefined) {
    decoder = new TextDecoder(encoding);
    decoders.set(encoding, decoder);
  }
  return decoder;
}

/** Whether `encoding` is a label TextDecoder knows (Python's `codecs.lookup` succeeding). */
export function isKnownEncoding(encoding: string): boolean {
  try {
    decoderFor(encoding);
    return true;
  } catch {
    return false;
  }
}

function isUtf8(encoding: string): boolean {
  const lower = encoding.toLowerCase();
  return lower === 'utf-8' || lower === 'utf8';
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * Python's `unquote(s, encoding, errors='replace')`: runs of valid `%XX` escapes are decoded as
 * bytes in `encoding` (invalid sequences → U+FFFD), a `%` not followed by two hex digits is kept.
 */
export function unquote(value: string, encoding = 'utf-8'): string {
  if (!value.includes('%')) return value;
  if (isUtf8(encoding)) {
    try {
      // Same answer as the slow path whenever every escape is well formed and valid UTF-8.
      return decodeURIComponent(value);
    } catch {
      // fall through to the tolerant decoder
    }
  }
  const decoder = decoderFor(encoding);
  let out = '';
  let i = 0;
  const length = value.length;
  let bytes: number[] | null = null;
  while (i < length) {
    const code = value.charCodeAt(i);
    if (code === 37 && i + 2 < length) {
      const high = hexValue(value.charCodeAt(i + 1));
      const low = hexValue(value.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        (bytes ??= []).push(high * 16 + low);
        i += 3;
        continue;
      }
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

/** Python's `unquote_plus`: `+` is a space, then {@link unquote}. */
export function unquotePlus(value: string, encoding = 'utf-8'): string {
  return unquote(value.includes('+') ? value.replaceAll('+', ' ') : value, encoding);
}

const ALWAYS_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~';
const safeTables = new Map<string, Uint8Array>();

function safeTable(safe: string): Uint8Array {
  let table = safeTables.get(safe);
  if (table === undefined) {
    table = new Uint8Array(128);
    for (const char of ALWAYS_SAFE + safe) {
      const code = char.charCodeAt(0);
      if (code < 128) table[code] = 1;
    }
    safeTables.set(safe, table);
  }
  return table;
}

/**
 * Python's `quote(value, safe)`: everything but letters, digits, `_.-~` and `safe` is
 * percent-encoded as UTF-8. With `plus`, spaces become `+` (Python's `quote_plus`).
 */
export function quote(value: string, safe = '/', plus = false): string {
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
    if (code < 128) {
      if (plus && code === 32) out += '+';
      else if (table[code] === 1) out += value[i];
      else out += '%' + HEX[code >> 4]! + HEX[code & 15]!;
      continue;
    }
    // Take a whole surrogate pair at once so astral characters encode as one 4-byte sequence.
    let end = i + 1;
    if (code >= 0xd800 && code <= 0xdbff && end < length) {
      const next = value.charCodeAt(end);
      if (next >= 0xdc00 && next <= 0xdfff) end += 1;
    }
    for (const byte of utf8Encoder.encode(value.slice(i, end))) {
      out += '%' + HEX[byte >> 4]! + HEX[byte & 15]!;
    }
    i = end - 1;
  }
  return out;
}

/** Django's `iri_to_uri`: encode what is not allowed in a URI, keep existing escapes. */
export function iriToUri(iri: string): string {
  return quote(iri, "/#%[]=:;$&()+,!?*@'~");
}

/** Django's `escape_uri_path`: encode a decoded path for use in a URI. */
export function escapeUriPath(path: string): string {
  return quote(path, "/:@&+$,-_.!~*'()");
}

function percentByte(byte: number): string {
  return '%' + HEX[byte >> 4]! + HEX[byte & 15]!;
}

/**
 * Decode UTF-8 bytes, re-percent-encoding each byte of every invalid sequence (the maximal
 * ill-formed subparts, which is where Python's decoder reports its errors) instead of failing.
 */
export function repercentBrokenUnicode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      out += String.fromCharCode(byte);
      i += 1;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    let codePoint: number;
    if (byte >= 0xc2 && byte <= 0xdf) {
      need = 1;
      codePoint = byte & 0x1f;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      if (byte === 0xe0) lower = 0xa0;
      if (byte === 0xed) upper = 0x9f;
      need = 2;
      codePoint = byte & 0x0f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      if (byte === 0xf0) lower = 0x90;
      if (byte === 0xf4) upper = 0x8f;
      need = 3;
      codePoint = byte & 0x07;
    } else {
      out += percentByte(byte);
      i += 1;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k += 1) {
      const next = bytes[j];
      if (next === undefined || next < lower || next > upper) {
        ok = false;
        break;
      }
      codePoint = (codePoint << 6) | (next & 0x3f);
      lower = 0x80;
      upper = 0xbf;
      j += 1;
    }
    if (ok) {
      out += String.fromCodePoint(codePoint);
    } else {
      for (let k = i; k < j; k += 1) out += percentByte(bytes[k]!);
    }
    i = j;
  }
  return out;
}

/**
 * What a WSGI server and Django make of a request-target path: percent-decode to bytes (malformed
 * escapes kept literally, `%2F` becomes `/`), then decode UTF-8 with invalid bytes re-encoded.
 */
export function decodePath(rawPath: string): string {
  // One pass over the usual short ASCII path without escapes, which is returned as it is.
  let escaped = false;
  let ascii = true;
  for (let i = 0; i < rawPath.length; i += 1) {
    const code = rawPath.charCodeAt(i);
    if (code === 37) escaped = true;
    else if (code >= 0x80) ascii = false;
  }
  if (!escaped) {
    if (ascii) return rawPath;
  } else {
    try {
      return decodeURIComponent(rawPath);
    } catch {
      // malformed escapes or invalid UTF-8: the tolerant path below
    }
  }
  const bytes: number[] = [];
  const length = rawPath.length;
  for (let i = 0; i < length; i += 1) {
    const code = rawPath.charCodeAt(i);
    if (code === 37 && i + 2 < length) {
      const high = hexValue(rawPath.charCodeAt(i + 1));
      const low = hexValue(rawPath.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        i += 2;
        continue;
      }
    }
    if (code < 0x80) {
      bytes.push(code);
    } else {
      let end = i + 1;
      if (code >= 0xd800 && code <= 0xdbff && end < length) end += 1;
      for (const byte of utf8Encoder.encode(rawPath.slice(i, end))) bytes.push(byte);
      i = end - 1;
    }
  }
  return repercentBrokenUnicode(Uint8Array.from(bytes));
}
