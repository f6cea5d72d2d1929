/**
 * trees.c's build_tree()/gen_bitlen(): Huffman code lengths and the block sizes they give.
 *
 * @module
 */
import { codeLengths } from './code-lengths.js';
import { BL_CODES, BL_ORDER, D_CODES, HEAP_SIZE, MAX_BITS } from './constants.js';
import type { Tree } from './tree.js';
import { bltree, dtree, literalsUsed, ltree } from './tree.js';

const heap = new Uint16Array(HEAP_SIZE);
// trees.c orders the heap by frequency, then depth: one number, freq * 1024 + depth (a depth
// is below the 573 nodes of the largest tree), kept in the heap position's slot.
const heapKey = new Int32Array(HEAP_SIZE);
export let optLen = 0;
export let staticLen = 0;

// trees.c's _tr_flush_block(): builds the trees, leaving the dynamic and fixed blocks' sizes in
// bits in optLen and staticLen; the index of the last bit-length code length to send.
export function buildTrees(matches: number): number {
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
  return buildBlTree();
}

// zlib's pqdownheap(): the heap keeps each entry's key beside it (heapKey[k] is heap[k]'s
// order), so a comparison reads one array instead of following the node to its order.
function pqDownHeap(k: number, heapLen: number): void {
  const h = heap;
  const keys = heapKey;
  const v = h[k]!;
  const key = keys[k]!;
  let j = k << 1;
  while (j <= heapLen) {
    let kj = keys[j]!;
    if (j < heapLen) {
      const right = keys[j + 1]!;
      if (right <= kj) {
        j++;
        kj = right;
      }
    }
    if (key <= kj) break;
    h[k] = h[j]!;
    keys[k] = kj;
    k = j;
    j <<= 1;
  }
  h[k] = v;
  keys[k] = key;
}

// trees.c's build_tree(): Huffman code lengths and codes for `t`, adding to optLen/staticLen.
// With `used`, only those codes have a frequency and the others already have length 0.
function buildTree(t: Tree, used: Int32Array | null): void {
  const { freq, len, dad, staticLen: stree } = t;
  const keys = heapKey;
  let maxCode = -1;
  let heapLen = 0;
  let heapMax = HEAP_SIZE;
  if (used === null) {
    for (let n = 0; n < t.elems; n++) {
      if (freq[n] !== 0) {
        heap[++heapLen] = maxCode = n;
        keys[heapLen] = freq[n]! * 1024;
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
        heap[++heapLen] = maxCode = n;
        keys[heapLen] = freq[n]! * 1024;
        bits ^= low;
      }
    }
  }
  // Deflate needs two codes at least (one distance code even without matches).
  while (heapLen < 2) {
    const node = (heap[++heapLen] = maxCode < 2 ? ++maxCode : 0);
    if (used !== null) used[node >> 5]! |= 1 << (node & 31);
    freq[node] = 1;
    keys[heapLen] = 1024;
    optLen--;
    if (stree !== null) staticLen -= stree[node]!;
  }
  t.maxCode = maxCode;
  for (let n = heapLen >> 1; n >= 1; n--) pqDownHeap(n, heapLen);
  // An inner node's order is its frequency * 1024 + its depth: both are read back from the keys
  // of the two nodes it joins (gen_bitlen() reads no inner node's frequency).
  let node = t.elems;
  do {
    const n = heap[1]!;
    const kn = keys[1]!;
    heap[1] = heap[heapLen]!;
    keys[1] = keys[heapLen--]!;
    pqDownHeap(1, heapLen);
    const m = heap[1];
    const km = keys[1];
    heap[--heapMax] = n;
    heap[--heapMax] = m;
    const dn = kn & 1023;
    const dm = km & 1023;
    keys[1] = kn - dn + km - dm + (dn >= dm ? dn : dm) + 1;
    dad[n] = dad[m] = node;
    heap[1] = node++;
    pqDownHeap(1, heapLen);
  } while (heapLen >= 2);
  heap[--heapMax] = heap[1]!;
  genBitLen(t, heapMax);
}

// trees.c's gen_bitlen(), with its fix-up of codes longer than maxLength.
function genBitLen(t: Tree, heapMax: number): void {
  const { freq, len, dad, staticLen: stree, extra, extraBase, maxLength, maxCode } = t;
  const blCount = t.counts;
  let overflow = 0;
  for (let bits = 0; bits <= MAX_BITS; bits++) blCount[bits] = 0;
  len[heap[heapMax]!] = 0;
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
    optLen += f * (bits + xbits);
    if (stree !== null) staticLen += f * (stree[n]! + xbits);
  }
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

function buildBlTree(): number {
  codeLengths(ltree, null, literalsUsed);
  codeLengths(dtree, null, null);
  buildTree(bltree, null);
  let maxBlIndex: number;
  for (maxBlIndex = BL_CODES - 1; maxBlIndex >= 3; maxBlIndex--) {
    if (bltree.len[BL_ORDER[maxBlIndex]!] !== 0) break;
  }
  optLen += 3 * (maxBlIndex + 1) + 5 + 5 + 4;
  return maxBlIndex;
}
