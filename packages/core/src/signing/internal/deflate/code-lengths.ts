/**
 * trees.c's scan_tree()/send_tree()/send_all_trees(): the dynamic block's run-length coded
 * code lengths.
 *
 * @module
 */
import type { BitWriter } from './bit-writer.js';
import { BL_ORDER, REP_3_6, REPZ_11_138, REPZ_3_10 } from './constants.js';
import type { Tree } from './tree.js';
import { bltree, dtree, literalsUsed, ltree } from './tree.js';

// The first code from `code` on whose bit in `used` is not `set`, or `limit`.
export function nextChange(used: Int32Array, code: number, set: boolean, limit: number): number {
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

// trees.c's scan_tree() (bits null: count how often each code length code will be sent) and
// send_tree() (send them): `t`'s code lengths, run-length coded.
export function codeLengths(t: Tree, bits: BitWriter | null, used: Int32Array | null): void {
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

export function sendAllTrees(
  bits: BitWriter,
  lcodes: number,
  dcodes: number,
  blcodes: number,
): void {
  bits.send(lcodes - 257, 5);
  bits.send(dcodes - 1, 5);
  bits.send(blcodes - 4, 4);
  for (let rank = 0; rank < blcodes; rank++) bits.send(bltree.len[BL_ORDER[rank]!]!, 3);
  codeLengths(ltree, bits, literalsUsed);
  codeLengths(dtree, bits, null);
}
