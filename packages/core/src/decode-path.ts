/**
 * `decodePath()`: the path a Django view sees, from the path of a request target as it arrives
 * (still percent-encoded). What a WSGI server and Django do: percent-decode to bytes (a `%` not
 * followed by two hex digits is kept as written, `%2F` becomes `/`), then decode UTF-8 with each
 * byte of an invalid sequence percent-encoded again (Django's `repercent_broken_unicode`, RFC 3987
 * §3.2). It never throws, unlike `decodeURIComponent`, which throws `URIError` on `/%ZZ/`. One
 * implementation for `@reins/http`'s `request.path` and `@reins/urls`' export.
 *
 * @module
 */
import { unquoteToBytes } from './python-quote.js';

const HEX = '0123456789ABCDEF';

function percentByte(byte: number): string {
  return '%' + HEX[byte >> 4]! + HEX[byte & 15]!;
}

// UTF-8 bytes to text, percent-encoding each byte of every maximal ill-formed subpart (which is
// where Python's decoder reports its errors) instead of failing.
function repercentBrokenUnicode(bytes: Uint8Array): string {
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
    if (ok) out += String.fromCodePoint(codePoint);
    else for (let k = i; k < j; k += 1) out += percentByte(bytes[k]!);
    i = j;
  }
  return out;
}

/**
 * Decode the path of a request target with Django's rules, for `resolver.match()`: malformed
 * escapes stay as written and invalid UTF-8 stays percent-encoded, so `/%ZZ/` is resolved (usually
 * to a 404) instead of throwing `URIError`. Pass the path only, without the `?query`.
 *
 * @example
 * decodePath('/caf%C3%A9/'); // '/café/'
 * decodePath('/%ZZ/'); // '/%ZZ/'
 * decodePath('/%FF/'); // '/%FF/'
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
      // The same answer whenever every escape is well formed and valid UTF-8.
      return decodeURIComponent(rawPath);
    } catch {
      // Malformed escapes or invalid UTF-8: the tolerant decoder below.
    }
  }
  return repercentBrokenUnicode(unquoteToBytes(rawPath));
}
