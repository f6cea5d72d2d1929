/**
 * The three Huffman trees of one block (literal/length, distance, bit-length), kept between calls.
 *
 * @module
 */
import {
  BL_CODES,
  D_CODES,
  EXTRA_BLBITS,
  EXTRA_DBITS,
  EXTRA_LBITS,
  HEAP_SIZE,
  L_CODES,
  LITERALS,
  MAX_BITS,
  MAX_BL_BITS,
} from './constants.js';
import { STATIC_DTREE_LEN, STATIC_LTREE_LEN } from './static-tables.js';

/** One Huffman tree: trees.c's ct_data (freq/code and dad/len) and its static description. */
export interface Tree {
  readonly freq: Uint16Array;
  readonly len: Uint8Array;
  readonly dad: Uint16Array;
  readonly code: Uint16Array;
  // gen_bitlen()'s bl_count: how many leaves have each length.
  readonly counts: Int32Array;
  readonly staticLen: Uint8Array | null;
  readonly extra: readonly number[];
  readonly extraBase: number;
  readonly elems: number;
  readonly maxLength: number;
  maxCode: number;
}

function tree(
  size: number,
  staticLen: Uint8Array | null,
  extra: readonly number[],
  extraBase: number,
  elems: number,
  maxLength: number,
): Tree {
  return {
    freq: new Uint16Array(size),
    len: new Uint8Array(size + 1),
    dad: new Uint16Array(size),
    code: new Uint16Array(size),
    counts: new Int32Array(MAX_BITS + 1),
    staticLen,
    extra,
    extraBase,
    elems,
    maxLength,
    maxCode: 0,
  };
}

export const ltree = tree(
  HEAP_SIZE,
  STATIC_LTREE_LEN,
  EXTRA_LBITS,
  LITERALS + 1,
  L_CODES,
  MAX_BITS,
);
export const dtree = tree(2 * D_CODES + 1, STATIC_DTREE_LEN, EXTRA_DBITS, 0, D_CODES, MAX_BITS);
export const bltree = tree(2 * BL_CODES + 1, null, EXTRA_BLBITS, 0, BL_CODES, MAX_BL_BITS);

// Which literal/length codes have a frequency: the tree is built and cleared from these bits
// instead of scanning all 286 codes.
export const literalsUsed = new Int32Array((L_CODES + 31) >> 5);

// Back to all-zero frequencies and lengths for the next call.
export function resetLiterals(): void {
  const { freq, len } = ltree;
  for (let word = 0; word < literalsUsed.length; word++) {
    let bits = literalsUsed[word]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const code = (word << 5) + 31 - Math.clz32(low);
      freq[code] = 0;
      len[code] = 0;
      bits ^= low;
    }
    literalsUsed[word] = 0;
  }
  // scan_tree()'s guard.
  len[ltree.maxCode + 1] = 0;
}
