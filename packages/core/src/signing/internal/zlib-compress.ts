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
 * (blockSizes() lets the tests check both against the trees); a block the fixed codes keep
 * shorter is found so before the bit-length tree is built. Larger inputs go to node:zlib.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';

import { b64Encode } from '../base64.js';
import { adler32 } from './deflate/adler32.js';
import { BitWriter } from './deflate/bit-writer.js';
import { codeLengthHeaderAtLeast, dynamicLowerBound, fixedBytes } from './deflate/block-size.js';
import { buildBlTree, buildLengthTrees, optLen, staticLen } from './deflate/build-tree.js';
import { sendAllTrees } from './deflate/code-lengths.js';
import { compressBlock } from './deflate/compress-block.js';
import { FAST_COMPRESS_LIMIT } from './deflate/constants.js';
import { treeCodes } from './deflate/huffman-codes.js';
import { begin, inputAdler, inputBase64, symCount } from './deflate/lz77.js';
import {
  STATIC_DTREE_CODE,
  STATIC_DTREE_LEN,
  STATIC_LTREE_CODE,
  STATIC_LTREE_LEN,
} from './deflate/static-tables.js';
import { bltree, dtree, literalsUsed, ltree, resetLiterals } from './deflate/tree.js';

// Importers keep this one path: zlib-inflate.ts reads adler32, the tests FAST_COMPRESS_LIMIT.
export { adler32, FAST_COMPRESS_LIMIT };

/**
 * `zlib.compress(data)` as Python's zlib 1.2.x writes it, when it is shorter than `data` by more
 * than one byte (Django's rule for keeping it, the `'.'` marker costing one), else `null`.
 */
export function compressIfShorter(data: Uint8Array): Uint8Array | null {
  if (data.length > FAST_COMPRESS_LIMIT) return deflateIfShorter(data);
  const size = deflateToScratch(data);
  return size === -1 ? null : new Uint8Array(scratch.subarray(0, size));
}

/**
 * `compressIfShorter(data)` in URL-safe base64 without padding (Django's `b64_encode`), else
 * `null`: what `signing.dumps(..., compress=True)` puts after its `'.'`.
 */
export function compressedBase64IfShorter(data: Uint8Array): string | null {
  if (data.length > FAST_COMPRESS_LIMIT) {
    const compressed = deflateIfShorter(data);
    return compressed === null ? null : compressed.toString('base64url');
  }
  const size = deflateToScratch(data);
  return size === -1 ? null : scratch.toString('base64url', 0, size);
}

/**
 * What Django's `sign_object()` signs, given the serialized bytes: with `compress`, `'.'` and the
 * zlib form when it is shorter by two bytes or more (`compressedBase64IfShorter`), else the bytes,
 * in URL-safe base64 without padding. A string stands for its Latin-1 bytes
 * (`Buffer.from(data, 'latin1')`): up to FAST_COMPRESS_LIMIT they are written straight into the
 * deflate window and, when zlib does not pay, base64'd from there.
 */
export function payloadBase64(data: Uint8Array | string, compress: boolean): string {
  if (typeof data === 'string') {
    if (!compress || data.length > FAST_COMPRESS_LIMIT) {
      return payloadBase64(Buffer.from(data, 'latin1'), compress);
    }
    const size = deflateToScratch(data);
    return size === -1 ? inputBase64(data.length) : '.' + scratch.toString('base64url', 0, size);
  }
  if (compress) {
    const compressed = compressedBase64IfShorter(data);
    if (compressed !== null) return '.' + compressed;
  }
  return b64Encode(data);
}

function deflateIfShorter(data: Uint8Array): Buffer | null {
  const compressed = deflateSync(data);
  return compressed.length < data.length - 1 ? compressed : null;
}

// The compressed bytes are written here and encoded from here: a new Uint8Array of a cookie's
// size (over V8's 64 bytes kept on the heap) costs more than the deflate's Huffman trees, and
// base64 from a Buffer slice less than from a view made over a typed array.
const scratch = Buffer.alloc(FAST_COMPRESS_LIMIT);

// compressIfShorter() for data of at most FAST_COMPRESS_LIMIT bytes, written to the scratch
// buffer: its size, or -1 when Django would not keep it.
function deflateToScratch(data: Uint8Array | string): number {
  const n = data.length;
  const matches = begin(data);
  // Django keeps the zlib form only when it is shorter by two bytes or more: a block of
  // n - 7 bytes or more (with zlib's 2-byte header and 4-byte Adler-32) is not kept. When even a
  // lower bound of the block's size reaches that, building the Huffman trees can only confirm it.
  // That is only asked when the fixed block could be that long: at most 9 bits a literal,
  // 8 + 5 + 5 + 13 a match, 7 for the end of block and 3 for the block header (a payload that
  // shrinks, such as a login session, skips the exact count; the trees give it again).
  const fixedAtMost = 3 + 9 * (symCount - matches) + 31 * matches + 7;
  if (
    fixedAtMost > (n - 8) * 8 &&
    fixedBytes(matches) >= n - 7 &&
    dynamicLowerBound(matches) >= n - 7
  ) {
    resetLiterals();
    return -1;
  }
  buildLengthTrees(matches);
  const staticBytes = (staticLen + 3 + 7) >>> 3;
  let optBytes = staticBytes;
  let maxBlIndex = -1;
  // zlib keeps the fixed block when it is no longer than the dynamic one: when a lower bound of
  // the dynamic block already shows that (a code-length header of `least` bits or more), the
  // bit-length tree, which only the dynamic block sends, is not built.
  const least = staticBytes * 8 - 10 - optLen;
  if (codeLengthHeaderAtLeast(least) < least) {
    maxBlIndex = buildBlTree();
    const dynamicBytes = (optLen + 3 + 7) >>> 3;
    if (dynamicBytes < staticBytes) optBytes = dynamicBytes;
  }
  // A stored block (n + 4 <= optBytes) is never shorter than the input.
  const size = 2 + optBytes + 4;
  if (n + 4 <= optBytes || size >= n - 1) {
    resetLiterals();
    return -1;
  }
  const out = scratch;
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
  const adler = inputAdler;
  out[size - 4] = adler >>> 24;
  out[size - 3] = (adler >>> 16) & 0xff;
  out[size - 2] = (adler >>> 8) & 0xff;
  out[size - 1] = adler & 0xff;
  return size;
}

/**
 * For tests: the fixed and dynamic block sizes in bytes as zlib computes them, beside what
 * compressIfShorter() decides from before building the trees (the fixed size, and a lower bound
 * of the dynamic one) and before building the bit-length tree (a tighter lower bound of the
 * dynamic one). `data` at most FAST_COMPRESS_LIMIT bytes.
 */
export function blockSizes(data: Uint8Array): {
  fixed: number;
  dynamic: number;
  fixedBeforeTrees: number;
  dynamicLowerBound: number;
  dynamicBeforeBlTree: number;
} {
  const matches = begin(data);
  const fixedBeforeTrees = fixedBytes(matches);
  const lowerBound = dynamicLowerBound(matches);
  buildLengthTrees(matches);
  const beforeBlTree = (optLen + codeLengthHeaderAtLeast(0) + 3 + 7) >>> 3;
  buildBlTree();
  resetLiterals();
  return {
    fixed: (staticLen + 3 + 7) >>> 3,
    dynamic: (optLen + 3 + 7) >>> 3,
    fixedBeforeTrees,
    dynamicLowerBound: lowerBound,
    dynamicBeforeBlTree: beforeBlTree,
  };
}
