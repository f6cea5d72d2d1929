/**
 * `zlib.decompress(data)` for the small zlib streams signed values carry, in process.
 *
 * Why: `inflateSync` sets up a zlib stream per call (≈ 9 µs for a 100-byte cookie, most of it
 * the stream's setup), paid on every first read of a compressed cookie. This is puff.c's
 * decoder (Mark Adler's reference inflate) for one well-formed stream only: any stream it does
 * not take as a whole — another header than Python's `0x78`, a preset dictionary, a bad or
 * incomplete code, a distance too far back, trailing bytes, a wrong Adler-32, an output larger
 * than INFLATE_FAST_LIMIT — goes to `inflateSync`, which gives what it always gave (the bytes or
 * the error), so the two cannot disagree.
 *
 * @module
 */
import { inflateSync } from 'node:zlib';
import { adler32 } from './zlib-compress.js';

/** Streams inflating to more than this many bytes go to node:zlib. */
export const INFLATE_FAST_LIMIT = 65536;

// Thrown inside the fast path to hand the stream to node:zlib.
const FALLBACK = new Error('fallback to node:zlib');

/** `inflateSync(data)`'s bytes, decoded in process when the stream is a plain, valid one. */
export function inflate(data: Uint8Array): Uint8Array {
  try {
    return inflateFast(data);
  } catch (error) {
    if (error !== FALLBACK) throw error;
    return inflateSync(data);
  }
}

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  readonly count: Int16Array;
  readonly symbol: Int16Array;
  // Indexed by the next `bits` input bits (first bit lowest): symbol << 4 | code length.
  readonly table: Int32Array;
  bits: number;
}

const huffman = (symbols: number): Huffman => ({
  count: new Int16Array(16),
  symbol: new Int16Array(symbols),
  table: new Int32Array(1 << 15),
  bits: 0,
});

const lencode = huffman(288);
const distcode = huffman(30);
const clcode = huffman(19);
const fixedLencode = huffman(288);
const fixedDistcode = huffman(30);
const offs = new Int16Array(16);
const lengths = new Uint8Array(288 + 30);
{
  for (let n = 0; n < 288; n++) lengths[n] = n < 144 ? 8 : n < 256 ? 9 : n < 280 ? 7 : 8;
  construct(fixedLencode, lengths, 0, 288, true);
  for (let n = 0; n < 30; n++) lengths[n] = 5;
  construct(fixedDistcode, lengths, 0, 30, true);
}

// puff.c's construct(); a code that is over-subscribed, or (unless `incomplete`, for the fixed
// distance code) not complete, is not zlib's deflate output: node:zlib decides.
function construct(
  h: Huffman,
  len: Uint8Array,
  start: number,
  n: number,
  incomplete: boolean,
): void {
  const { count, symbol } = h;
  count.fill(0);
  for (let s = 0; s < n; s++) count[len[start + s]!]!++;
  if (count[0] === n) throw FALLBACK;
  let left = 1;
  for (let l = 1; l < 16; l++) {
    left <<= 1;
    left -= count[l]!;
    if (left < 0) throw FALLBACK;
  }
  if (left > 0 && !incomplete) throw FALLBACK;
  offs[1] = 0;
  for (let l = 1; l < 15; l++) offs[l + 1] = offs[l]! + count[l]!;
  for (let s = 0; s < n; s++) {
    const l = len[start + s]!;
    if (l !== 0) symbol[offs[l]!++] = s;
  }
  // The lookup table: each code, bit-reversed (deflate sends a code's first bit first), fills
  // every entry whose low bits it is. An incomplete code's holes stay -1.
  let most = 15;
  while (count[most] === 0) most--;
  const { table } = h;
  h.bits = most;
  table.fill(-1, 0, 1 << most);
  let code = 0;
  let index = 0;
  for (let l = 1; l <= most; l++) {
    for (let k = count[l]!; k > 0; k--) {
      let reversed = 0;
      for (let b = 0; b < l; b++) reversed |= ((code >> b) & 1) << (l - 1 - b);
      const entry = (symbol[index++]! << 4) | l;
      for (let at = reversed; at < 1 << most; at += 1 << l) table[at] = entry;
      code++;
    }
    code <<= 1;
  }
}

let src: Uint8Array = new Uint8Array(0);
let pos = 0;
let bitBuf = 0;
let bitCount = 0;
let out = new Uint8Array(1024);
let outPos = 0;

function bits(need: number): number {
  let buf = bitBuf;
  while (bitCount < need) {
    if (pos >= src.length) throw FALLBACK;
    buf |= src[pos++]! << bitCount;
    bitCount += 8;
  }
  bitBuf = buf >>> need;
  bitCount -= need;
  return buf & ((1 << need) - 1);
}

// One table lookup: the next `h.bits` bits, zeros past the end of the input (a code longer
// than the bits left is refused).
function decode(h: Huffman): number {
  const need = h.bits;
  let buf = bitBuf;
  let have = bitCount;
  while (have < need && pos < src.length) {
    buf |= src[pos++]! << have;
    have += 8;
  }
  const entry = h.table[buf & ((1 << need) - 1)]!;
  const len = entry & 15;
  if (entry < 0 || len > have) throw FALLBACK;
  bitBuf = buf >>> len;
  bitCount = have - len;
  return entry >> 4;
}

function put(byte: number): void {
  if (outPos === out.length) grow();
  out[outPos++] = byte;
}

function grow(): void {
  if (out.length >= INFLATE_FAST_LIMIT) throw FALLBACK;
  const bigger = new Uint8Array(out.length * 2);
  bigger.set(out);
  out = bigger;
}

function codes(lens: Huffman, dists: Huffman): void {
  for (;;) {
    let symbol = decode(lens);
    if (symbol < 256) {
      put(symbol);
      continue;
    }
    if (symbol === 256) return;
    symbol -= 257;
    if (symbol >= 29) throw FALLBACK;
    let length = LENGTH_BASE[symbol]! + bits(LENGTH_EXTRA[symbol]!);
    const d = decode(dists);
    if (d >= 30) throw FALLBACK;
    const dist = DIST_BASE[d]! + bits(DIST_EXTRA[d]!);
    if (dist > outPos) throw FALLBACK;
    while (outPos + length > out.length) grow();
    for (; length > 0; length--, outPos++) out[outPos] = out[outPos - dist]!;
  }
}

function stored(): void {
  bitBuf = 0;
  bitCount = 0;
  if (pos + 4 > src.length) throw FALLBACK;
  const len = src[pos]! | (src[pos + 1]! << 8);
  const nlen = src[pos + 2]! | (src[pos + 3]! << 8);
  if (len !== (~nlen & 0xffff)) throw FALLBACK;
  pos += 4;
  if (pos + len > src.length) throw FALLBACK;
  while (outPos + len > out.length) grow();
  out.set(src.subarray(pos, pos + len), outPos);
  outPos += len;
  pos += len;
}

function dynamic(): void {
  const nlen = bits(5) + 257;
  const ndist = bits(5) + 1;
  const ncode = bits(4) + 4;
  if (nlen > 286 || ndist > 30) throw FALLBACK;
  lengths.fill(0, 0, 19);
  for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i]!] = bits(3);
  construct(clcode, lengths, 0, 19, false);
  let index = 0;
  while (index < nlen + ndist) {
    let symbol = decode(clcode);
    if (symbol < 16) {
      lengths[index++] = symbol;
      continue;
    }
    let len = 0;
    if (symbol === 16) {
      if (index === 0) throw FALLBACK;
      len = lengths[index - 1]!;
      symbol = 3 + bits(2);
    } else if (symbol === 17) {
      symbol = 3 + bits(3);
    } else {
      symbol = 11 + bits(7);
    }
    if (index + symbol > nlen + ndist) throw FALLBACK;
    while (symbol-- > 0) lengths[index++] = len;
  }
  if (lengths[256] === 0) throw FALLBACK;
  construct(lencode, lengths, 0, nlen, false);
  construct(distcode, lengths, nlen, ndist, false);
  codes(lencode, distcode);
}

function inflateFast(data: Uint8Array): Uint8Array {
  // Python's zlib.compress() header (deflate, 32 KiB window, no dictionary, level 6).
  if (data.length < 6 || data[0] !== 0x78 || data[1] !== 0x9c) throw FALLBACK;
  src = data;
  pos = 2;
  bitBuf = 0;
  bitCount = 0;
  outPos = 0;
  try {
    let last: number;
    do {
      last = bits(1);
      const type = bits(2);
      if (type === 0) stored();
      else if (type === 1) codes(fixedLencode, fixedDistcode);
      else if (type === 2) dynamic();
      else throw FALLBACK;
    } while (last === 0);
    if (pos + 4 !== data.length) throw FALLBACK;
    const adler =
      ((data[pos]! << 24) | (data[pos + 1]! << 16) | (data[pos + 2]! << 8) | data[pos + 3]!) >>> 0;
    if (adler32(out, outPos) !== adler) throw FALLBACK;
    return out.slice(0, outPos);
  } finally {
    src = new Uint8Array(0);
    // A grown buffer is kept only while it is small.
    if (out.length > 4096) out = new Uint8Array(1024);
  }
}
