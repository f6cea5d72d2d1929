/**
 * trees.c's build_tree()/gen_bitlen(): Huffman code lengths and the block sizes they give.
 *
 * @module
 */
import { codeLengths } from './code-lengths.js';
import { BL_CODES, BL_ORDER, D_CODES, HEAP_SIZE, MAX_BITS } from './constants.js';
import type { Tree } from './tree.js';
import { bltree, dtree, literalsUsed, ltree } from './tree.js';

// trees.c's heap[]: positions 1..heapLen hold the heap, from heapMax up the nodes in the order
// they left it. A heap entry is its node's order and the node in one number,
// freq << 16 | depth << 10 | node: trees.c orders by frequency, then depth (`smaller()`), which is
// a <= (b | 1023), and a move is one store. A frequency is at most the symbols' count (below
// 2^14), a depth (a subtree's height) below 64 by the Fibonacci bound on Huffman trees of that
// weight, a node below the 573 of the largest tree.
const heap = new Int32Array(HEAP_SIZE);
const NODE = 1023;
export let optLen = 0;
export let staticLen = 0;

// trees.c's _tr_flush_block() up to the bit-length tree: the literal/length and distance trees
// and the bit-length codes' frequencies. optLen then holds the dynamic block's symbols and extra
// bits without its code-length header, staticLen the fixed block's size; buildBlTree() completes
// optLen, and is only needed when the dynamic block may be the shorter.
export function buildLengthTrees(matches: number): void {
  optLen = 0;
  staticLen = 0;
  buildTree(ltree, literalsUsed);
  if (matches === 0) {
    // No distance code: build_tree() makes codes 0 and 1 of one bit each, which change neither
    // size (the bits it counts for them are taken off again).
    for (let i = 2; i < D_CODES; i++) dtree.len[i] = 0;
    dtree.len[0] = dtree.len[1] = 1;
    dtree.maxCode = 1;
    dtree.counts.fill(0);
    dtree.counts[1] = 2;
  } else {
    buildTree(dtree, null);
  }
  codeLengths(ltree, null, literalsUsed);
  codeLengths(dtree, null, null);
}

// zlib's pqdownheap().
function pqDownHeap(k: number, heapLen: number): void {
  const h = heap;
  const v = h[k]!;
  let j = k << 1;
  while (j <= heapLen) {
    let hj = h[j]!;
    if (j < heapLen) {
      const right = h[j + 1]!;
      if (right <= (hj | NODE)) {
        j++;
        hj = right;
      }
    }
    if (v <= (hj | NODE)) break;
    h[k] = hj;
    k = j;
    j <<= 1;
  }
  h[k] = v;
}

// trees.c's build_tree(): Huffman code lengths and codes for `t`, adding to optLen/staticLen.
// With `used`, only those codes have a frequency and the others already have length 0.
function buildTree(t: Tree, used: Int32Array | null): void {
  const { freq, len, dad, staticLen: stree } = t;
  const h = heap;
  let maxCode = -1;
  let heapLen = 0;
  let heapMax = HEAP_SIZE;
  if (used === null) {
    for (let n = 0; n < t.elems; n++) {
      if (freq[n] !== 0) {
        h[++heapLen] = (freq[n]! << 16) | n;
        maxCode = n;
      } else {
        len[n] = 0;
      }
    }
  } else {
    // Ascending, as the scan above: the heap's order decides between equal frequencies.
    for (let word = 0; word < used.length; word++) {
      let bits = used[word]!;
      while (bits !== 0) {
        const low = bits & -bits;
        const n = (word << 5) + 31 - Math.clz32(low);
        h[++heapLen] = (freq[n]! << 16) | n;
        maxCode = n;
        bits ^= low;
      }
    }
  }
  // Deflate needs two codes at least (one distance code even without matches).
  while (heapLen < 2) {
    const node = maxCode < 2 ? ++maxCode : 0;
    h[++heapLen] = (1 << 16) | node;
    if (used !== null) used[node >> 5]! |= 1 << (node & 31);
    freq[node] = 1;
    optLen--;
    if (stree !== null) staticLen -= stree[node]!;
  }
  t.maxCode = maxCode;
  for (let n = heapLen >> 1; n >= 1; n--) pqDownHeap(n, heapLen);
  // An inner node's frequency and depth are read back from the entries of the two nodes it
  // joins (gen_bitlen() reads no inner node's frequency).
  let node = t.elems;
  do {
    const kn = h[1]!;
    h[1] = h[heapLen--]!;
    pqDownHeap(1, heapLen);
    const km = h[1];
    const n = kn & NODE;
    const m = km & NODE;
    h[--heapMax] = n;
    h[--heapMax] = m;
    const dn = kn & 0xfc00;
    const dm = km & 0xfc00;
    h[1] = ((kn >>> 16) + (km >>> 16)) * 65536 + (dn >= dm ? dn : dm) + 1024 + node;
    dad[n] = dad[m] = node++;
    pqDownHeap(1, heapLen);
  } while (heapLen >= 2);
  h[--heapMax] = h[1] & NODE;
  genBitLen(t, heapMax);
}

// trees.c's gen_bitlen(), with its fix-up of codes longer than maxLength.
function genBitLen(t: Tree, heapMax: number): void {
  const { freq, len, dad, staticLen: stree, extra, extraBase, maxLength, maxCode } = t;
  const blCount = t.counts;
  let overflow = 0;
  for (let bits = 0; bits <= MAX_BITS; bits++) blCount[bits] = 0;
  len[heap[heapMax]!] = 0;
  // Summed in locals: optLen and staticLen are module bindings, a load and a store each use.
  let opt = 0;
  let fixed = 0;
  let h: number;
  for (h = heapMax + 1; h < HEAP_SIZE; h++) {
    const n = heap[h]!;
    let bits = len[dad[n]!]! + 1;
    if (bits > maxLength) {
      bits = maxLength;
      overflow++;
    }
    len[n] = bits;
    if (n > maxCode) continue;
    blCount[bits]!++;
    const xbits = n >= extraBase ? extra[n - extraBase]! : 0;
    const f = freq[n]!;
    opt += f * (bits + xbits);
    if (stree !== null) fixed += f * (stree[n]! + xbits);
  }
  optLen += opt;
  staticLen += fixed;
  if (overflow === 0) return;
  do {
    let bits = maxLength - 1;
    while (blCount[bits] === 0) bits--;
    blCount[bits]!--;
    blCount[bits + 1]! += 2;
    blCount[maxLength]!--;
    overflow -= 2;
  } while (overflow > 0);
  for (let bits = maxLength; bits !== 0; bits--) {
    let n = blCount[bits]!;
    while (n !== 0) {
      const m = heap[--h]!;
      if (m > maxCode) continue;
      if (len[m] !== bits) {
        optLen += (bits - len[m]!) * freq[m]!;
        len[m] = bits;
      }
      n--;
    }
  }
}

// The bit-length tree (after buildLengthTrees()), adding the code-length header to optLen; the
// index of the last bit-length code length to send.
export function buildBlTree(): number {
  buildTree(bltree, null);
  let maxBlIndex: number;
  for (maxBlIndex = BL_CODES - 1; maxBlIndex >= 3; maxBlIndex--) {
    if (bltree.len[BL_ORDER[maxBlIndex]!] !== 0) break;
  }
  optLen += 3 * (maxBlIndex + 1) + 5 + 5 + 4;
  return maxBlIndex;
}
