/**
 * Percent-encoding and decoding with Python's `urllib.parse` rules, which Django's behaviour is
 * defined by: malformed escapes are kept literally, invalid UTF-8 decodes to U+FFFD in query
 * strings and forms, and is re-percent-encoded in paths (RFC 3987 §3.2, as Django's
 * `repercent_broken_unicode`). Each function has a fast path for the common, already-clean input.
 */

import { quote, unquoteToBytes } from '@reins/core';

const HEX = '0123456789ABCDEF';
const knownEncodings = new Set<string>();

/** Whether `encoding` is a label TextDecoder knows (Python's `codecs.lookup` succeeding). */
export function isKnownEncoding(encoding: string): boolean {
  if (knownEncodings.has(encoding)) return true;
  try {
    if (new TextDecoder(encoding).encoding === '') return false;
  } catch {
    return false;
  }
  knownEncodings.add(encoding);
  return true;
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
  return repercentBrokenUnicode(unquoteToBytes(rawPath));
}
