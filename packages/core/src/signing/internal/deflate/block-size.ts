/**
 * The block's size from its symbol counts alone: the fixed block's exactly, a lower bound of
 * the dynamic one's.
 *
 * @module
 */
import { nextChange } from './code-lengths.js';
import {
  BL_CODES,
  BL_ORDER,
  D_CODES,
  END_BLOCK,
  EXTRA_DBITS,
  EXTRA_LBITS,
  L_CODES,
  MAX_BITS,
  REP_3_6,
  REPZ_11_138,
  REPZ_3_10,
} from './constants.js';
import { STATIC_LTREE_LEN } from './static-tables.js';
import { bltree, dtree, literalsUsed, ltree } from './tree.js';

// The fixed block's size in bytes, exact (trees.c's static_len), also noting what
// dynamicLowerBound() reads: the used literal/length codes' count, frequencies and largest code,
// and their extra bits.
export function fixedBytes(matches: number): number {
  const lfreq = ltree.freq;
  let bits = 3;
  let extraBits = 0;
  let leaves = 0;
  for (let word = 0; word < literalsUsed.length; word++) {
    let used = literalsUsed[word]!;
    while (used !== 0) {
      const low = used & -used;
      const code = (word << 5) + 31 - Math.clz32(low);
      const f = lfreq[code]!;
      if (code > END_BLOCK) {
        const extra = EXTRA_LBITS[code - END_BLOCK - 1]!;
        bits += f * (STATIC_LTREE_LEN[code]! + extra);
        extraBits += f * extra;
      } else {
        bits += f * STATIC_LTREE_LEN[code]!;
      }
      huffLeaves[leaves++] = f;
      lMaxCode = code;
      used ^= low;
    }
  }
  lLeaves = leaves;
  lengthExtraBits = extraBits;
  if (matches !== 0) {
    const dfreq = dtree.freq;
    for (let code = 0; code < D_CODES; code++) {
      const f = dfreq[code]!;
      if (f !== 0) bits += f * (5 + EXTRA_DBITS[code]!);
    }
  }
  return (bits + 7) >>> 3;
}
let lLeaves = 0;
let lMaxCode = 0;

// A lower bound, in bytes, of the block _tr_flush_block() writes: the smaller of the fixed
// block (its size is exact) and the dynamic one. The dynamic block's symbols cost at least their
// unlimited Huffman cost (zlib's lengths form a Huffman code limited to 15 bits, which only adds
// bits). Its code-length header is exact where it depends only on which codes are used (the runs
// of unused codes), and bounded below where it depends on the lengths themselves, which follow
// zlib's tie-breaking: a run of used codes costs at least one symbol (one per code below four),
// all of them counted as a single bit-length symbol (merging symbols never raises a Huffman
// cost); and the bit-length code lengths are sent up to the last one used in BL_ORDER, which is
// at least as far as the shortest length of a code of L leaves, at most floor(log2 L) (Kraft).
// Only called when the fixed block alone would not be kept (`fixedBytes`).
export function dynamicLowerBound(matches: number): number {
  let bits = 3 + 14 + lengthExtraBits + huffmanCost(lLeaves);
  blZero = blRepz3 = blRepz11 = blX = 0;
  headerRuns(literalsUsed, lMaxCode);
  let blEntries = shortestLengthOrder(lLeaves);
  if (matches === 0) {
    // No distance code: zlib sends codes 0 and 1 of one bit each (a run of two used codes).
    blX += 2;
    if (BL_ORDER_OF_LENGTH[1]! > blEntries) blEntries = BL_ORDER_OF_LENGTH[1]!;
  } else {
    const dfreq = dtree.freq;
    let leaves = 0;
    let dmax = -1;
    let first = -1;
    distUsed[0] = 0;
    for (let code = 0; code < D_CODES; code++) {
      const f = dfreq[code]!;
      if (f === 0) continue;
      bits += f * EXTRA_DBITS[code]!;
      huffLeaves[leaves++] = f;
      distUsed[0] |= 1 << code;
      if (first === -1) first = code;
      dmax = code;
    }
    if (leaves === 1) {
      // build_tree() adds a second code (the next one, or code 0): both one bit long.
      bits += huffLeaves[0]!;
      const second = first < 2 ? first + 1 : 0;
      distUsed[0] |= 1 << second;
      if (second > dmax) dmax = second;
      leaves = 2;
    } else {
      bits += huffmanCost(leaves);
    }
    headerRuns(distUsed, dmax);
    const order = shortestLengthOrder(leaves);
    if (order > blEntries) blEntries = order;
  }
  bits += 3 * (blEntries < 4 ? 4 : blEntries);
  // The bit-length symbols: runs of unused codes exactly (with their extra bits), the rest as one.
  let leaves = 0;
  if (blZero !== 0) huffLeaves[leaves++] = blZero;
  if (blRepz3 !== 0) huffLeaves[leaves++] = blRepz3;
  if (blRepz11 !== 0) huffLeaves[leaves++] = blRepz11;
  if (blX !== 0) huffLeaves[leaves++] = blX;
  bits += 3 * blRepz3 + 7 * blRepz11 + huffmanCost(leaves);
  return (bits + 7) >>> 3;
}

// A lower bound, in bits, of the dynamic block's code-length header (send_all_trees()) once
// scan_tree() has counted the bit-length codes (`buildLengthTrees`): which codes are used is then
// exact, so the counts, the lengths sent in BL_ORDER (a code has a length when it is used; one
// build_tree() adds to a lone code can only send more) and the extra bits are exact, and only
// the codes' own lengths are bounded, by the unlimited Huffman cost over those counts (the tree
// zlib builds is limited to 7 bits, which only adds bits). The login session's block: 297 bits,
// bound 297, against the 180 dynamicLowerBound() can give before the literal tree exists.
// Only whether the bound reaches `least` is exact: the Huffman cost is left out when even 5 bits
// a code (a complete code of that length serves all 19) could not reach it, as for a block the
// dynamic trees shrink.
export function codeLengthHeaderAtLeast(least: number): number {
  const freq = bltree.freq;
  let leaves = 0;
  let sent = 4;
  let symbols = 0;
  for (let rank = 0; rank < BL_CODES; rank++) {
    const f = freq[BL_ORDER[rank]!]!;
    if (f === 0) continue;
    huffLeaves[leaves++] = f;
    symbols += f;
    if (rank >= sent) sent = rank + 1;
  }
  const exact = 14 + 3 * sent + 2 * freq[REP_3_6]! + 3 * freq[REPZ_3_10]! + 7 * freq[REPZ_11_138]!;
  if (exact + 5 * symbols < least) return exact;
  return exact + huffmanCost(leaves);
}

// BL_ORDER_OF_LENGTH[v]: how many bit-length code lengths are sent when code length v is used.
const BL_ORDER_OF_LENGTH = new Int32Array(MAX_BITS + 1);
for (let rank = 0; rank < BL_CODES; rank++) {
  const symbol = BL_ORDER[rank]!;
  if (symbol <= MAX_BITS) BL_ORDER_OF_LENGTH[symbol] = rank + 1;
}

// The fewest bit-length code lengths sent for a tree of `leaves` codes: one of its lengths is
// at most floor(log2(leaves)), and that length is sent as itself.
function shortestLengthOrder(leaves: number): number {
  // One leaf (an empty input's END_BLOCK alone) gets a second: no bound drawn from it.
  if (leaves < 2) return 0;
  const most = 31 - Math.clz32(leaves);
  let fewest = BL_CODES;
  for (let v = 1; v <= most; v++) {
    if (BL_ORDER_OF_LENGTH[v]! < fewest) fewest = BL_ORDER_OF_LENGTH[v]!;
  }
  return fewest;
}

const huffLeaves = new Int32Array(L_CODES);
const huffMerged = new Int32Array(L_CODES);
const SMALL_FREQS = 256;
const smallFreqs = new Int32Array(SMALL_FREQS);
const distUsed = new Int32Array(1);
let lengthExtraBits = 0;
let blZero = 0;
let blRepz3 = 0;
let blRepz11 = 0;
let blX = 0;

// The cost (sum of frequency × depth) of an unlimited Huffman code over huffLeaves[0, count),
// by the two-queue method after sorting: every optimal code has this cost, whatever its ties.
function huffmanCost(count: number): number {
  if (count < 2) return 0;
  const leaves = huffLeaves;
  let most = 0;
  for (let i = 0; i < count; i++) if (leaves[i]! > most) most = leaves[i]!;
  if (most < SMALL_FREQS) {
    // A counting sort: a small payload's frequencies are small, and an insertion sort's
    // data-dependent branches cost more than the two passes.
    for (let i = 0; i < count; i++) smallFreqs[leaves[i]!]!++;
    let at = 0;
    for (let f = 1; f <= most; f++) {
      for (let k = smallFreqs[f]!; k > 0; k--) leaves[at++] = f;
      smallFreqs[f] = 0;
    }
  } else {
    for (let i = 1; i < count; i++) {
      const f = leaves[i]!;
      let j = i - 1;
      while (j >= 0 && leaves[j]! > f) {
        leaves[j + 1] = leaves[j]!;
        j--;
      }
      leaves[j + 1] = f;
    }
  }
  const merged = huffMerged;
  let li = 0;
  let mi = 0;
  let mn = 0;
  let cost = 0;
  for (let step = 1; step < count; step++) {
    let a: number;
    if (mi < mn && (li === count || merged[mi]! < leaves[li]!)) a = merged[mi++]!;
    else a = leaves[li++]!;
    let b: number;
    if (mi < mn && (li === count || merged[mi]! < leaves[li]!)) b = merged[mi++]!;
    else b = leaves[li++]!;
    cost += a + b;
    merged[mn++] = a + b;
  }
  return cost;
}

// Counts what scan_tree() sends for codes 0..maxCode whose used set is the bitmap `used`: runs
// of unused codes exactly (138 at a time: REPZ_11_138 for 11 or more, REPZ_3_10 for 3 to 10, a
// zero each for fewer), runs of used codes as their fewest symbols (a run shorter than four is
// one symbol a code; a longer one at least a length and a repeat for each six more).
function headerRuns(used: Int32Array, maxCode: number): void {
  let code = 0;
  while (code <= maxCode) {
    const set = (used[code >> 5]! & (1 << (code & 31))) !== 0;
    const end = nextChange(used, code, set, maxCode + 1);
    const run = end - code;
    if (set) {
      blX += run < 4 ? run : 1 + Math.ceil((run - 1) / 6);
    } else {
      blRepz11 += Math.floor(run / 138);
      const rest = run % 138;
      if (rest >= 11) blRepz11++;
      else if (rest >= 3) blRepz3++;
      else blZero += rest;
    }
    code = end;
  }
}
