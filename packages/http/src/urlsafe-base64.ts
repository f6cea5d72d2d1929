/**
 * Django's `urlsafe_base64_encode()` / `urlsafe_base64_decode()`: base64 with `-` and `_`, without
 * the `=` padding (user ids in password-reset links).
 *
 * @module
 */
import { Buffer } from 'node:buffer';

/**
 * URL-safe base64 of bytes (a string is taken as UTF-8), without trailing `=`.
 *
 * @example
 * urlsafeBase64Encode(new TextEncoder().encode('42')); // 'NDI'
 */
export function urlsafeBase64Encode(bytes: Uint8Array | string): string {
  return (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString(
    'base64url',
  );
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int8Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) VALUES[ALPHABET.charCodeAt(i)] = i;
VALUES[45] = 62; // '-'
VALUES[95] = 63; // '_'

/**
 * The bytes of URL-safe base64 text, decoded as Python's non-strict `b64decode` does after
 * Django restores the padding: characters outside the alphabet are skipped, decoding stops at
 * complete padding.
 *
 * @throws {RangeError} for a length no base64 can have (Django's `ValueError`, same message).
 * @example
 * new TextDecoder().decode(urlsafeBase64Decode('NDI')); // '42'
 */
export function urlsafeBase64Decode(text: string): Uint8Array {
  const input = Buffer.from(text, 'utf8');
  // Django pads with as many '=' as the length modulo 4 (enough, if not exact).
  const padded = Buffer.concat([input, Buffer.alloc(input.length % 4, '=')]);
  const out: number[] = [];
  let quadPos = 0;
  let leftChar = 0;
  let pads = 0;
  for (const byte of padded) {
    if (byte === 61) {
      pads += 1;
      if (quadPos >= 2 && quadPos + pads >= 4) return Uint8Array.from(out);
      continue;
    }
    const value = VALUES[byte]!;
    if (value < 0) continue;
    pads = 0;
    if (quadPos === 0) {
      leftChar = value;
      quadPos = 1;
    } else if (quadPos === 1) {
      out.push(((leftChar << 2) | (value >> 4)) & 0xff);
      leftChar = value & 0x0f;
      quadPos = 2;
    } else if (quadPos === 2) {
      out.push(((leftChar << 4) | (value >> 2)) & 0xff);
      leftChar = value & 0x03;
      quadPos = 3;
    } else {
      out.push(((leftChar << 6) | value) & 0xff);
      quadPos = 0;
    }
  }
  if (quadPos === 1) {
    throw new RangeError(
      `Invalid base64-encoded string: number of data characters (${Math.floor(out.length / 3) * 4 + 1}) cannot be 1 more than a multiple of 4`,
    );
  }
  if (quadPos !== 0) throw new RangeError('Incorrect padding');
  return Uint8Array.from(out);
}
