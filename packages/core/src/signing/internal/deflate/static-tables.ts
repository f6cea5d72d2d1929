/**
 * trees.c's tr_static_init(): the length/distance code tables and the fixed block's trees.
 *
 * @module
 */
import { D_CODES, EXTRA_DBITS, EXTRA_LBITS, L_CODES, MAX_BITS } from './constants.js';
import { genCodes, reverse } from './huffman-codes.js';

// trees.c's tr_static_init().
export const LENGTH_CODE = new Uint8Array(256);
export const BASE_LENGTH = new Int32Array(29);
const DIST_CODE = new Uint8Array(512);
export const BASE_DIST = new Int32Array(D_CODES);
export const STATIC_LTREE_LEN = new Uint8Array(L_CODES + 2);
export const STATIC_LTREE_CODE = new Uint16Array(L_CODES + 2);
export const STATIC_DTREE_LEN = new Uint8Array(D_CODES).fill(5);
export const STATIC_DTREE_CODE = new Uint16Array(D_CODES);
{
  let length = 0;
  let code = 0;
  for (; code < 28; code++) {
    BASE_LENGTH[code] = length;
    for (let n = 0; n < 1 << EXTRA_LBITS[code]!; n++) LENGTH_CODE[length++] = code;
  }
  // Length 258 has two codes (284 + 5 bits, or 285); zlib uses the shorter.
  LENGTH_CODE[length - 1] = code;
  let dist = 0;
  for (code = 0; code < 16; code++) {
    BASE_DIST[code] = dist;
    for (let n = 0; n < 1 << EXTRA_DBITS[code]!; n++) DIST_CODE[dist++] = code;
  }
  dist >>= 7;
  for (; code < D_CODES; code++) {
    BASE_DIST[code] = dist << 7;
    for (let n = 0; n < 1 << (EXTRA_DBITS[code]! - 7); n++) DIST_CODE[256 + dist++] = code;
  }
  const count = new Int32Array(MAX_BITS + 1);
  for (let n = 0; n < L_CODES + 2; n++) {
    const len = n <= 143 ? 8 : n <= 255 ? 9 : n <= 279 ? 7 : 8;
    STATIC_LTREE_LEN[n] = len;
    count[len]!++;
  }
  genCodes(STATIC_LTREE_LEN, STATIC_LTREE_CODE, L_CODES + 1, count);
  for (let n = 0; n < D_CODES; n++) STATIC_DTREE_CODE[n] = reverse(n, 5);
}

export function distCode(dist: number): number {
  return dist < 256 ? DIST_CODE[dist]! : DIST_CODE[256 + (dist >>> 7)]!;
}
