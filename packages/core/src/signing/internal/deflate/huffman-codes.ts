/**
 * trees.c's gen_codes(): canonical Huffman codes from code lengths, bit-reversed for deflate.
 *
 * @module
 */
import { MAX_BITS } from './constants.js';
import type { Tree } from './tree.js';

const next = new Int32Array(MAX_BITS + 1);

// trees.c's gen_codes() after build_tree(), only for a block that is written, from the lengths
// counts gen_bitlen() left; with `used`, only those codes have a length.
export function treeCodes(t: Tree, used: Int32Array | null): void {
  if (used === null) {
    genCodes(t.len, t.code, t.maxCode, t.counts);
    return;
  }
  const { len, code, counts } = t;
  let c = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) next[bits] = c = (c + counts[bits - 1]!) << 1;
  for (let word = 0; word < used.length; word++) {
    let set = used[word]!;
    while (set !== 0) {
      const low = set & -set;
      const n = (word << 5) + 31 - Math.clz32(low);
      const l = len[n]!;
      code[n] = reverse(next[l]!++, l);
      set ^= low;
    }
  }
}

export function genCodes(
  len: Uint8Array,
  code: Uint16Array,
  maxCode: number,
  count: Int32Array,
): void {
  let c = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) next[bits] = c = (c + count[bits - 1]!) << 1;
  for (let n = 0; n <= maxCode; n++) {
    const l = len[n]!;
    if (l !== 0) code[n] = reverse(next[l]!++, l);
  }
}

export function reverse(code: number, len: number): number {
  let res = 0;
  do {
    res |= code & 1;
    code >>>= 1;
    res <<= 1;
  } while (--len > 0);
  return res >>> 1;
}
