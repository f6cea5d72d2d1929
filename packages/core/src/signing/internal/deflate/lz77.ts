/**
 * deflate.c's deflate_slow(): the window, its hash chains, the lazy-match parse and the symbol
 * tallies.
 *
 * @module
 */
import { Buffer } from 'node:buffer';

import {
  BL_CODES,
  D_CODES,
  END_BLOCK,
  FAST_COMPRESS_LIMIT,
  GOOD_LENGTH,
  HASH_MASK,
  HASH_SHIFT,
  LITERALS,
  MAX_CHAIN,
  MAX_LAZY,
  MAX_MATCH,
  MIN_MATCH,
  NICE_LENGTH,
  TOO_FAR,
} from './constants.js';
import { distCode, LENGTH_CODE } from './static-tables.js';
import { bltree, dtree, literalsUsed, ltree } from './tree.js';

// The window holds the input and MAX_MATCH zero bytes after it: zlib compares past the end of
// the input (into its zeroed window) and clips the length afterwards. A Buffer, so that a text's
// Latin-1 bytes are written into it in one call and read back as base64 from it.
const window = Buffer.alloc(FAST_COMPRESS_LIMIT + MAX_MATCH + 8);
// zlib's head[hash] (the last position with that hash; 0, zlib's NIL, for none) as an
// open-addressed map of [key, position] slots, the key being this call's stamp and the hash in
// one number (stamp << 15 | hash): a slot whose key is below this call's first key is empty, so
// nothing is cleared between calls, and one comparison tells a hit. At most n hashes in 2n+ slots.
const MAX_SLOTS = 32768;
const slots = new Int32Array(MAX_SLOTS * 2);
let slotMask = 0;
let slotShift = 0;
// 1 to MAX_STAMP, so that stamp << 15 | hash stays a positive int32.
const MAX_STAMP = 0xffff;
let stamp = 0;
const prev = new Uint16Array(FAST_COMPRESS_LIMIT);

// Sets head[h] to pos and returns its previous value.
function swapHead(h: number, pos: number): number {
  const base = stamp << 15;
  const key = base | h;
  let i = Math.imul(h, 0x9e3779b1) >>> slotShift;
  for (;;) {
    const at = i << 1;
    const k = slots[at]!;
    if (k === key) {
      const old = slots[at + 1]!;
      slots[at + 1] = pos;
      return old;
    }
    if (k < base) {
      slots[at] = key;
      slots[at + 1] = pos;
      return 0;
    }
    i = (i + 1) & slotMask;
  }
}
// The block's symbols: distance (0 for a literal) and literal or match length - MIN_MATCH.
export const symDist = new Uint16Array(FAST_COMPRESS_LIMIT);
export const symLc = new Uint8Array(FAST_COMPRESS_LIMIT);
export let symCount = 0;
let matchStart = 0;

/** zlib's Adler-32 of the input begin() took. */
export let inputAdler = 0;

// Every window byte from here on is zero (earlier inputs may have left bytes before it).
let windowEnd = 0;

// Takes `data` into the window and tallies its symbols (deflate_slow()); the number of matches.
// A string stands for its Latin-1 bytes, as Buffer.from(data, 'latin1') gives them.
export function begin(data: Uint8Array | string): number {
  const n = data.length;
  // The Adler-32 is summed below 2^53 for any input taken here (at most
  // 255 * n * (n + 1) / 2 + n), so reduced once at the end, to the same value.
  let a = 1;
  let b = 0;
  if (typeof data === 'string') {
    // One native write, not a Buffer of the text's own (a session's JSON, just built from
    // pieces, would be copied flat and then into a new Buffer); summed from the window after.
    window.write(data, 0, n, 'latin1');
    for (let i = 0; i < n; i++) {
      a += window[i]!;
      b += a;
    }
  } else {
    // A loop, not set(): for a few dozen bytes the builtin's call overhead is most of it; the
    // Adler-32 summed on the way, in one pass.
    for (let i = 0; i < n; i++) {
      const c = data[i]!;
      window[i] = c;
      a += c;
      b += a;
    }
  }
  inputAdler = (((b % 65521) << 16) | (a % 65521)) >>> 0;
  // zlib's window is zero past the input, and longest_match() reads up to MAX_MATCH bytes there.
  const zeroed = n + MAX_MATCH;
  for (let i = n; i < windowEnd && i < zeroed; i++) window[i] = 0;
  if (windowEnd < zeroed) windowEnd = n;
  if (++stamp > MAX_STAMP) {
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
  const base = stamp << 15;
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
      const key = base | insH;
      let i = Math.imul(insH, 0x9e3779b1) >>> shift;
      for (;;) {
        const at = i << 1;
        const k = table[at]!;
        if (k === key) {
          hashHead = table[at + 1]!;
          table[at + 1] = strstart;
          break;
        }
        if (k < base) {
          table[at] = key;
          table[at + 1] = strstart;
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

/** The input begin() last took, in URL-safe base64 without padding. */
export function inputBase64(n: number): string {
  return window.toString('base64url', 0, n);
}
