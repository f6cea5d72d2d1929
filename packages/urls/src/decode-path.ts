/**
 * `decodePath()`: the path a Django view sees, from the path of a request target as it arrives
 * (still percent-encoded). What a WSGI server and Django do: percent-decode to bytes (a `%` not
 * followed by two hex digits is kept as written, `%2F` becomes `/`), then decode UTF-8 with each
 * byte of an invalid sequence percent-encoded again (Django's `repercent_broken_unicode`).
 * It never throws, unlike `decodeURIComponent`, which throws `URIError` on `/%ZZ/`.
 *
 * @module
 */

const HEX = '0123456789ABCDEF';
const utf8 = new TextEncoder();

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

function percentByte(byte: number): string {
  return '%' + HEX[byte >> 4]! + HEX[byte & 15]!;
}

/** UTF-8 bytes to text, percent-encoding the bytes of each maximal ill-formed subpart. */
function repercentBrokenUnicode(bytes: readonly number[]): string {
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
 * resolver.match(decodePath(req.path));
 */
export function decodePath(rawPath: string): string {
  if (rawPath.indexOf('%') === -1) return rawPath;
  try {
    // The same answer whenever every escape is well formed and valid UTF-8.
    return decodeURIComponent(rawPath);
  } catch {
    // Malformed escapes or invalid UTF-8: the tolerant decoder below.
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
      for (const byte of utf8.encode(rawPath.slice(i, end))) bytes.push(byte);
      i = end - 1;
    }
  }
  return repercentBrokenUnicode(bytes);
}
