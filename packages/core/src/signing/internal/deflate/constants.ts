/**
 * zlib's deflate parameters (level 6, memLevel 8) and trees.c's extra-bit tables.
 *
 * @module
 */

/** Inputs up to this size are one deflate block in zlib (fewer symbols than its 16 Ki buffer). */
export const FAST_COMPRESS_LIMIT = 16382;

export const MIN_MATCH = 3;
export const MAX_MATCH = 258;
// Level 6 of zlib's configuration_table: good_length, max_lazy, nice_length, max_chain.
export const GOOD_LENGTH = 8;
export const MAX_LAZY = 16;
export const NICE_LENGTH = 128;
export const MAX_CHAIN = 128;
// A 3-byte match further back than this is not worth its distance code (zlib's TOO_FAR).
export const TOO_FAR = 4096;
// memLevel 8: hash_bits 15, hash_shift (15 + 3 - 1) / 3.
export const HASH_MASK = (1 << 15) - 1;
export const HASH_SHIFT = 5;

export const LITERALS = 256;
export const END_BLOCK = 256;
export const L_CODES = LITERALS + 1 + 29;
export const D_CODES = 30;
export const BL_CODES = 19;
export const HEAP_SIZE = 2 * L_CODES + 1;
export const MAX_BITS = 15;
export const MAX_BL_BITS = 7;
export const REP_3_6 = 16;
export const REPZ_3_10 = 17;
export const REPZ_11_138 = 18;

export const EXTRA_LBITS = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
export const EXTRA_DBITS = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
export const EXTRA_BLBITS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
export const BL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
