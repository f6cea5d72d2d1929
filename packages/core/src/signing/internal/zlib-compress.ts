/**
 * Python's `zlib.compress(data)` (zlib 1.2.x, level 6, the call Django's `signing.dumps(...,
 * compress=True)` makes), byte for byte, for the small payloads signed values carry.
 *
 * Why not node:zlib: `deflateSync` sets up a zlib stream per call (allocating and clearing about
 * 256 KiB), ~9 µs for a 100-byte session where the compression itself is well under 1 µs; and
 * Node bundles Chromium's zlib, whose matches differ from the system zlib Python uses, so its
 * bytes differ from Django's for most payloads. This is zlib's `deflate_slow()` and `trees.c`
 * for one block, with tables kept between calls and zlib's 32 Ki-entry hash heads held in a small
 * map sized to the input (a 100-byte payload touches a few cache lines, not 64 KiB cleared and
 * 100 scattered ones), and it knows the compressed size before writing a bit, so a
 * payload that would not shrink costs no output. Most such payloads are turned away before the
 * Huffman trees are built (about half of a small payload's cost, and the branchiest part): from
 * the symbol counts, the fixed block's size is exact and the dynamic block's has a lower bound
 * (blockSizes() lets the tests check both against the trees). Larger inputs go to node:zlib.
 *
 * @module
 */
import { deflateSync } from 'node:zlib';

/** Inputs up to this size are one deflate block in zlib (fewer symbols than its 16 Ki buffer). */
export const FAST_COMPRESS_LIMIT = 16382;

const MIN_MATCH = 3;
const MAX_MATCH = 258;
// Level 6 of zlib's configuration_table: good_length, max_lazy, nice_length, max_chain.
const GOOD_LENGTH = 8;
const MAX_LAZY = 16;
const NICE_LENGTH = 128;
const MAX_CHAIN = 128;
// A 3-byte match further back than this is not worth its distance code (zlib's TOO_FAR).
const TOO_FAR = 4096;
// memLevel 8: hash_bits 15, hash_shift (15 + 3 - 1) / 3.
const HASH_MASK = (1 << 15) - 1;
const HASH_SHIFT = 5;

const LITERALS = 256;
const END_BLOCK = 256;
const L_CODES = LITERALS + 1 + 29;
const D_CODES = 30;
const BL_CODES = 19;
const HEAP_SIZE = 2 * L_CODES + 1;
const MAX_BITS = 15;
const MAX_BL_BITS = 7;
const REP_3_6 = 16;
const REPZ_3_10 = 17;
const REPZ_11_138 = 18;

const EXTRA_LBITS = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const EXTRA_DBITS = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const EXTRA_BLBITS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
const BL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const next = new Int32Array(MAX_BITS + 1);

// trees.c's tr_static_init().
const LENGTH_CODE = new Uint8Array(256);
const BASE_LENGTH = new Int32Array(29);
const DIST_CODE = new Uint8Array(512);
const BASE_DIST = new Int32Array(D_CODES);
const STATIC_LTREE_LEN = new Uint8Array(L_CODES + 2);
const STATIC_LTREE_CODE = new Uint16Array(L_CODES + 2);
const STATIC_DTREE_LEN = new Uint8Array(D_CODES).fill(5);
const STATIC_DTREE_CODE = new Uint16Array(D_CODES);
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

/** One Huffman tree: trees.c's ct_data (freq/code and dad/len) and its static description. */
interface Tree {
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

const ltree = tree(HEAP_SIZE, STATIC_LTREE_LEN, EXTRA_LBITS, LITERALS + 1, L_CODES, MAX_BITS);
const dtree = tree(2 * D_CODES + 1, STATIC_DTREE_LEN, EXTRA_DBITS, 0, D_CODES, MAX_BITS);
const bltree = tree(2 * BL_CODES + 1, null, EXTRA_BLBITS, 0, BL_CODES, MAX_BL_BITS);
const heap = new Uint16Array(HEAP_SIZE);
// trees.c orders the heap by frequency, then depth: one number, freq * 1024 + depth (a depth
// is below the 573 nodes of the largest tree), kept in the heap position's slot.
const heapKey = new Int32Array(HEAP_SIZE);
let optLen = 0;
let staticLen = 0;

// The window holds the input and MAX_MATCH zero bytes after it: zlib compares past the end of
// the input (into its zeroed window) and clips the length afterwards.
const window = new Uint8Array(FAST_COMPRESS_LIMIT + MAX_MATCH + 8);
// zlib's head[hash] (the last position with that hash; 0, zlib's NIL, for none) as an
// open-addressed map of [stamp, hash, position] slots: a slot whose stamp is not this call's is
// empty, so nothing is cleared between calls. At most n hashes in 2n+ slots.
const MAX_SLOTS = 32768;
const slots = new Int32Array(MAX_SLOTS * 3);
let slotMask = 0;
let slotShift = 0;
let stamp = 0;
const prev = new Uint16Array(FAST_COMPRESS_LIMIT);

// Sets head[h] to pos and returns its previous value.
function swapHead(h: number, pos: number): number {
  let i = Math.imul(h, 0x9e3779b1) >>> slotShift;
  for (;;) {
    const at = i * 3;
    if (slots[at] !== stamp) {
      slots[at] = stamp;
      slots[at + 1] = h;
      slots[at + 2] = pos;
      return 0;
    }
    if (slots[at + 1] === h) {
      const old = slots[at + 2]!;
      slots[at + 2] = pos;
      return old;
    }
    i = (i + 1) & slotMask;
  }
}
// The block's symbols: distance (0 for a literal) and literal or match length - MIN_MATCH.
const symDist = new Uint16Array(FAST_COMPRESS_LIMIT);
const symLc = new Uint8Array(FAST_COMPRESS_LIMIT);
let symCount = 0;
let matchStart = 0;

/**
 * `zlib.compress(data)` as Python's zlib 1.2.x writes it, when it is shorter than `data` by more
 * than one byte (Django's rule for keeping it, the `'.'` marker costing one), else `null`.
 */
export function compressIfShorter(data: Uint8Array): Uint8Array | null {
  const n = data.length;
  if (n > FAST_COMPRESS_LIMIT) {
    const compressed = deflateSync(data);
    return compressed.length < n - 1 ? compressed : null;
  }
  const matches = begin(data);
  // Django keeps the zlib form only when it is shorter by two bytes or more: a block of
  // n - 7 bytes or more (with zlib's 2-byte header and 4-byte Adler-32) is not kept. When even a
  // lower bound of the block's size reaches that, building the Huffman trees can only confirm it.
  if (fixedBytes(matches) >= n - 7 && dynamicLowerBound(matches) >= n - 7) {
    resetLiterals();
    return null;
  }
  const maxBlIndex = buildTrees(matches);
  let optBytes = (optLen + 3 + 7) >>> 3;
  const staticBytes = (staticLen + 3 + 7) >>> 3;
  if (staticBytes <= optBytes) optBytes = staticBytes;
  // A stored block (n + 4 <= optBytes) is never shorter than the input.
  const size = 2 + optBytes + 4;
  if (n + 4 <= optBytes || size >= n - 1) {
    resetLiterals();
    return null;
  }
  const out = new Uint8Array(size);
  out[0] = 0x78;
  out[1] = 0x9c;
  const bits = new BitWriter(out, 2);
  if (staticBytes === optBytes) {
    bits.send(3, 3); // STATIC_TREES << 1 | last
    compressBlock(bits, STATIC_LTREE_CODE, STATIC_LTREE_LEN, STATIC_DTREE_CODE, STATIC_DTREE_LEN);
  } else {
    bits.send(5, 3); // DYN_TREES << 1 | last
    treeCodes(ltree, literalsUsed);
    treeCodes(dtree, null);
    treeCodes(bltree, null);
    sendAllTrees(bits, ltree.maxCode + 1, dtree.maxCode + 1, maxBlIndex + 1);
    compressBlock(bits, ltree.code, ltree.len, dtree.code, dtree.len);
  }
  bits.flush();
  resetLiterals();
  const adler = adler32(data);
  out[size - 4] = adler >>> 24;
  out[size - 3] = (adler >>> 16) & 0xff;
  out[size - 2] = (adler >>> 8) & 0xff;
  out[size - 1] = adler & 0xff;
  return out;
}

/**
 * For tests: the fixed and dynamic block sizes in bytes as zlib computes them, beside what
 * compressIfShorter() decides from before building the trees (the fixed size, and a lower bound
 * of the dynamic one). `data` at most FAST_COMPRESS_LIMIT bytes.
 */
export function blockSizes(data: Uint8Array): {
  fixed: number;
  dynamic: number;
  fixedBeforeTrees: number;
  dynamicLowerBound: number;
} {
  const matches = begin(data);
  const fixedBeforeTrees = fixedBytes(matches);
  const lowerBound = dynamicLowerBound(matches);
  buildTrees(matches);
  resetLiterals();
  return {
    fixed: (staticLen + 3 + 7) >>> 3,
    dynamic: (optLen + 3 + 7) >>> 3,
    fixedBeforeTrees,
    dynamicLowerBound: lowerBound,
  };
}

// Every window byte from here on is zero (earlier inputs may have left bytes before it).
let windowEnd = 0;

// Takes `data` into the window and tallies its symbols (deflate_slow()); the number of matches.
function begin(data: Uint8Array): number {
  const n = data.length;
  // Loops, not set()/fill(): for a few dozen bytes the builtins' call overhead is most of it.
  for (let i = 0; i < n; i++) window[i] = data[i]!;
  // zlib's window is zero past the input, and longest_match() reads up to MAX_MATCH bytes there.
  const zeroed = n + MAX_MATCH;
  for (let i = n; i < windowEnd && i < zeroed; i++) window[i] = 0;
  if (windowEnd < zeroed) windowEnd = n;
  if (++stamp === 0x7fffffff) {
    slots.fill(0);
    stamp = 1;
  }
  slotShift = 26;
  while (1 << (32 - slotShift) < 2 * n) slotShift--;
  slotMask = (1 << (32 - slotShift)) - 1;
  // The literal/length tree's frequencies and lengths are all 0 here (see resetLiterals()).
  for (let i = 0; i < D_CODES; i++) dtree.freq[i] = 0;
  for (let i = 0; i < BL_CODES; i++) bltree.freq[i] = 0;
  ltree.freq[END_BLOCK] = 1;
  literalsUsed[END_BLOCK >> 5]! |= 1 << (END_BLOCK & 31);
  return parse(n);
}

// trees.c's _tr_flush_block(): builds the trees, leaving the dynamic and fixed blocks' sizes in
// bits in optLen and staticLen; the index of the last bit-length code length to send.
function buildTrees(matches: number): number {
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

// Which literal/length codes have a frequency: the tree is built and cleared from these bits
// instead of scanning all 286 codes.
const literalsUsed = new Int32Array((L_CODES + 31) >> 5);

function tallyLiteral(c: number): void {
  symDist[symCount] = 0;
  symLc[symCount++] = c;
  if (ltree.freq[c]!++ === 0) literalsUsed[c >> 5]! |= 1 << (c & 31);
}

function tallyMatch(dist: number, lc: number): void {
  symDist[symCount] = dist;
  symLc[symCount++] = lc;
  const code = LENGTH_CODE[lc]! + LITERALS + 1;
  if (ltree.freq[code]!++ === 0) literalsUsed[code >> 5]! |= 1 << (code & 31);
  dtree.freq[distCode(dist - 1)]!++;
}

// Back to all-zero frequencies and lengths for the next call.
function resetLiterals(): void {
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

// The fixed block's size in bytes, exact (trees.c's static_len), also noting what
// dynamicLowerBound() reads: the used literal/length codes' count, frequencies and largest code,
// and their extra bits.
function fixedBytes(matches: number): number {
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
function dynamicLowerBound(matches: number): number {
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

// The first code from `code` on whose bit in `used` is not `set`, or `limit`.
function nextChange(used: Int32Array, code: number, set: boolean, limit: number): number {
  const flip = set ? -1 : 0;
  let word = code >> 5;
  let bits = (used[word]! ^ flip) & (-1 << (code & 31));
  while (bits === 0) {
    if (++word << 5 >= limit) return limit;
    bits = used[word]! ^ flip;
  }
  const at = (word << 5) + 31 - Math.clz32(bits & -bits);
  return at < limit ? at : limit;
}

// deflate.c's deflate_slow() over an input that is all in the window; the number of matches.
function parse(n: number): number {
  // The tables in locals, and swapHead()/tallyLiteral() written out for the literal path: this
  // loop runs once per input byte, and module-level bindings are reloaded on every use.
  const win = window;
  const prv = prev;
  const table = slots;
  const dists = symDist;
  const lcs = symLc;
  const freq = ltree.freq;
  const used = literalsUsed;
  const mark = stamp;
  const shift = slotShift;
  const mask = slotMask;
  let syms = 0;
  let matches = 0;
  let strstart = 0;
  let lookahead = n;
  let insH = 0;
  let matchAvailable = false;
  let matchLength = MIN_MATCH - 1;
  let prevLength: number;
  let prevMatch: number;
  if (n >= MIN_MATCH) insH = ((win[0]! << HASH_SHIFT) ^ win[1]!) & HASH_MASK;
  while (lookahead !== 0) {
    let hashHead = 0;
    if (lookahead >= MIN_MATCH) {
      insH = ((insH << HASH_SHIFT) ^ win[strstart + 2]!) & HASH_MASK;
      // swapHead(insH, strstart)
      let i = Math.imul(insH, 0x9e3779b1) >>> shift;
      for (;;) {
        const at = i * 3;
        if (table[at] !== mark) {
          table[at] = mark;
          table[at + 1] = insH;
          table[at + 2] = strstart;
          break;
        }
        if (table[at + 1] === insH) {
          hashHead = table[at + 2]!;
          table[at + 2] = strstart;
          break;
        }
        i = (i + 1) & mask;
      }
      prv[strstart] = hashHead;
    }
    prevLength = matchLength;
    prevMatch = matchStart;
    matchLength = MIN_MATCH - 1;
    if (hashHead !== 0 && prevLength < MAX_LAZY) {
      matchLength = longestMatch(hashHead, strstart, prevLength, lookahead);
      if (matchLength === MIN_MATCH && strstart - matchStart > TOO_FAR) {
        matchLength = MIN_MATCH - 1;
      }
    }
    if (prevLength >= MIN_MATCH && matchLength <= prevLength) {
      const maxInsert = strstart + lookahead - MIN_MATCH;
      symCount = syms;
      tallyMatch(strstart - 1 - prevMatch, prevLength - MIN_MATCH);
      syms = symCount;
      matches++;
      lookahead -= prevLength - 1;
      prevLength -= 2;
      do {
        if (++strstart <= maxInsert) {
          insH = ((insH << HASH_SHIFT) ^ win[strstart + 2]!) & HASH_MASK;
          prv[strstart] = swapHead(insH, strstart);
        }
      } while (--prevLength !== 0);
      matchAvailable = false;
      matchLength = MIN_MATCH - 1;
      strstart++;
    } else if (matchAvailable) {
      // tallyLiteral(win[strstart - 1])
      const c = win[strstart - 1]!;
      dists[syms] = 0;
      lcs[syms++] = c;
      if (freq[c]!++ === 0) used[c >> 5]! |= 1 << (c & 31);
      strstart++;
      lookahead--;
    } else {
      matchAvailable = true;
      strstart++;
      lookahead--;
    }
  }
  symCount = syms;
  if (matchAvailable) tallyLiteral(win[strstart - 1]!);
  return matches;
}

// deflate.c's longest_match(); sets matchStart when it finds a longer match than prevLength.
function longestMatch(
  curMatch: number,
  strstart: number,
  prevLength: number,
  lookahead: number,
): number {
  let chainLength = MAX_CHAIN;
  let bestLen = prevLength;
  const nice = NICE_LENGTH > lookahead ? lookahead : NICE_LENGTH;
  let scanEnd1 = window[strstart + bestLen - 1]!;
  let scanEnd = window[strstart + bestLen]!;
  const scan0 = window[strstart]!;
  const scan1 = window[strstart + 1]!;
  if (prevLength >= GOOD_LENGTH) chainLength >>= 2;
  do {
    if (
      window[curMatch + bestLen] !== scanEnd ||
      window[curMatch + bestLen - 1] !== scanEnd1 ||
      window[curMatch] !== scan0 ||
      window[curMatch + 1] !== scan1
    ) {
      continue;
    }
    // Byte 2 matches too: same hash and same first two bytes (zlib skips comparing it).
    let len = 3;
    while (len < MAX_MATCH && window[strstart + len] === window[curMatch + len]) len++;
    if (len > bestLen) {
      matchStart = curMatch;
      bestLen = len;
      if (len >= nice) break;
      scanEnd1 = window[strstart + bestLen - 1]!;
      scanEnd = window[strstart + bestLen]!;
    }
  } while ((curMatch = prev[curMatch]!) > 0 && --chainLength !== 0);
  return bestLen <= lookahead ? bestLen : lookahead;
}

function distCode(dist: number): number {
  return dist < 256 ? DIST_CODE[dist]! : DIST_CODE[256 + (dist >>> 7)]!;
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

// trees.c's gen_codes() after build_tree(), only for a block that is written, from the lengths
// counts gen_bitlen() left; with `used`, only those codes have a length.
function treeCodes(t: Tree, used: Int32Array | null): void {
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

function genCodes(len: Uint8Array, code: Uint16Array, maxCode: number, count: Int32Array): void {
  let c = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) next[bits] = c = (c + count[bits - 1]!) << 1;
  for (let n = 0; n <= maxCode; n++) {
    const l = len[n]!;
    if (l !== 0) code[n] = reverse(next[l]!++, l);
  }
}

function reverse(code: number, len: number): number {
  let res = 0;
  do {
    res |= code & 1;
    code >>>= 1;
    res <<= 1;
  } while (--len > 0);
  return res >>> 1;
}

// trees.c's scan_tree() (bits null: count how often each code length code will be sent) and
// send_tree() (send them): `t`'s code lengths, run-length coded.
function codeLengths(t: Tree, bits: BitWriter | null, used: Int32Array | null): void {
  const { len, maxCode } = t;
  let prevlen = -1;
  let nextlen = len[0]!;
  let count = 0;
  let maxCount = 7;
  let minCount = 4;
  if (nextlen === 0) {
    maxCount = 138;
    minCount = 3;
  }
  if (bits === null) len[maxCode + 1] = 0xff; // zlib's guard (0xffff): unlike any length
  for (let n = 0; n <= maxCode; n++) {
    const curlen = nextlen;
    if (curlen === 0 && used !== null) {
      // A run of unused codes (a run starts with count 0, in the 138/3 state), found in the
      // bitmap and sent as the steps below would, 138 at a time, instead of one step a code.
      const end = nextChange(used, n, false, maxCode + 1);
      let run = end - n;
      for (; run >= 138; run -= 138) lengthCode(bits, REPZ_11_138, 127, 7);
      if (run >= 11) lengthCode(bits, REPZ_11_138, run - 11, 7);
      else if (run >= 3) lengthCode(bits, REPZ_3_10, run - 3, 3);
      else for (; run > 0; run--) lengthCode(bits, 0, 0, 0);
      n = end - 1;
      nextlen = len[end]!;
      prevlen = 0;
      maxCount = 7;
      minCount = 4;
      continue;
    }
    nextlen = len[n + 1]!;
    if (++count < maxCount && curlen === nextlen) continue;
    if (count < minCount) {
      do lengthCode(bits, curlen, 0, 0);
      while (--count !== 0);
    } else if (curlen !== 0) {
      if (curlen !== prevlen) {
        lengthCode(bits, curlen, 0, 0);
        count--;
      }
      lengthCode(bits, REP_3_6, count - 3, 2);
    } else if (count <= 10) {
      lengthCode(bits, REPZ_3_10, count - 3, 3);
    } else {
      lengthCode(bits, REPZ_11_138, count - 11, 7);
    }
    count = 0;
    prevlen = curlen;
    if (nextlen === 0) {
      maxCount = 138;
      minCount = 3;
    } else if (curlen === nextlen) {
      maxCount = 6;
      minCount = 3;
    } else {
      maxCount = 7;
      minCount = 4;
    }
  }
}

function lengthCode(bits: BitWriter | null, code: number, extra: number, extraBits: number): void {
  if (bits === null) {
    bltree.freq[code]!++;
    return;
  }
  bits.send(bltree.code[code]!, bltree.len[code]!);
  if (extraBits !== 0) bits.send(extra, extraBits);
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

function sendAllTrees(bits: BitWriter, lcodes: number, dcodes: number, blcodes: number): void {
  bits.send(lcodes - 257, 5);
  bits.send(dcodes - 1, 5);
  bits.send(blcodes - 4, 4);
  for (let rank = 0; rank < blcodes; rank++) bits.send(bltree.len[BL_ORDER[rank]!]!, 3);
  codeLengths(ltree, bits, literalsUsed);
  codeLengths(dtree, bits, null);
}

function compressBlock(
  bits: BitWriter,
  lcode: Uint16Array,
  llen: Uint8Array,
  dcode: Uint16Array,
  dlen: Uint8Array,
): void {
  // BitWriter.send() written out, with the writer's state in locals: one to four sends a symbol.
  const out = bits.out;
  let buf = bits.buf;
  let count = bits.count;
  let pos = bits.pos;
  const dists = symDist;
  const lcs = symLc;
  const total = symCount;
  for (let i = 0; i < total; i++) {
    let dist = dists[i]!;
    let lc = lcs[i]!;
    if (dist === 0) {
      buf |= lcode[lc]! << count;
      count += llen[lc]!;
    } else {
      let code = LENGTH_CODE[lc]!;
      buf |= lcode[code + LITERALS + 1]! << count;
      count += llen[code + LITERALS + 1]!;
      let extra = EXTRA_LBITS[code]!;
      if (extra !== 0) {
        lc -= BASE_LENGTH[code]!;
        buf |= lc << count;
        count += extra;
      }
      // At most 16 + 5 bits were added to fewer than 8: flush before the distance's 15 + 13.
      while (count >= 8) {
        out[pos++] = buf & 0xff;
        buf >>>= 8;
        count -= 8;
      }
      dist--;
      code = distCode(dist);
      buf |= dcode[code]! << count;
      count += dlen[code]!;
      extra = EXTRA_DBITS[code]!;
      if (extra !== 0) {
        while (count >= 8) {
          out[pos++] = buf & 0xff;
          buf >>>= 8;
          count -= 8;
        }
        dist -= BASE_DIST[code]!;
        buf |= dist << count;
        count += extra;
      }
    }
    while (count >= 8) {
      out[pos++] = buf & 0xff;
      buf >>>= 8;
      count -= 8;
    }
  }
  bits.buf = buf;
  bits.count = count;
  bits.pos = pos;
  bits.send(lcode[END_BLOCK]!, llen[END_BLOCK]!);
}

/** Deflate's bit order: least significant bit first, bytes filled from the low end. */
class BitWriter {
  buf = 0;
  count = 0;
  constructor(
    readonly out: Uint8Array,
    public pos: number,
  ) {}

  send(value: number, length: number): void {
    this.buf |= value << this.count;
    this.count += length;
    while (this.count >= 8) {
      this.out[this.pos++] = this.buf & 0xff;
      this.buf >>>= 8;
      this.count -= 8;
    }
  }

  flush(): void {
    if (this.count > 0) this.out[this.pos++] = this.buf & 0xff;
    this.buf = 0;
    this.count = 0;
  }
}

/** zlib's Adler-32 of `data`'s first `n` bytes. */
export function adler32(data: Uint8Array, n: number = data.length): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before b overflows 32 bits (zlib's NMAX).
  for (let start = 0; start < n; start += 5552) {
    const end = Math.min(n, start + 5552);
    for (let i = start; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
