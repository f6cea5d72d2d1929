/**
 * trees.c's compress_block(): the block's symbols written with the chosen trees.
 *
 * @module
 */
import type { BitWriter } from './bit-writer.js';
import { END_BLOCK, EXTRA_DBITS, EXTRA_LBITS, LITERALS } from './constants.js';
import { symCount, symDist, symLc } from './lz77.js';
import { BASE_DIST, BASE_LENGTH, distCode, LENGTH_CODE } from './static-tables.js';

export function compressBlock(
  bits: BitWriter,
  lcode: Uint16Array,
  llen: Uint8Array,
  dcode: Uint16Array,
  dlen: Uint8Array,
): void {
  // BitWriter.send() written out, with the writer's state in locals, and two bytes written
  // together once 16 bits are pending (BitWriter leaves fewer than 8): fewer than 16 pending plus
  // a code of at most 15 bits stay within 31, so a literal costs one test, and a store of two
  // bytes every other one.
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
      // A length code (15 bits at most) and its extra bits (5), then the distance code (15)
      // and its extra bits (13): written out before each part that could overflow 31 bits.
      let code = LENGTH_CODE[lc]!;
      buf |= lcode[code + LITERALS + 1]! << count;
      count += llen[code + LITERALS + 1]!;
      if (count >= 16) {
        out[pos++] = buf & 0xff;
        out[pos++] = (buf >>> 8) & 0xff;
        buf >>>= 16;
        count -= 16;
      }
      let extra = EXTRA_LBITS[code]!;
      if (extra !== 0) {
        lc -= BASE_LENGTH[code]!;
        buf |= lc << count;
        count += extra;
        if (count >= 16) {
          out[pos++] = buf & 0xff;
          out[pos++] = (buf >>> 8) & 0xff;
          buf >>>= 16;
          count -= 16;
        }
      }
      dist--;
      code = distCode(dist);
      buf |= dcode[code]! << count;
      count += dlen[code]!;
      extra = EXTRA_DBITS[code]!;
      if (extra !== 0) {
        if (count >= 16) {
          out[pos++] = buf & 0xff;
          out[pos++] = (buf >>> 8) & 0xff;
          buf >>>= 16;
          count -= 16;
        }
        dist -= BASE_DIST[code]!;
        buf |= dist << count;
        count += extra;
      }
    }
    if (count >= 16) {
      out[pos++] = buf & 0xff;
      out[pos++] = (buf >>> 8) & 0xff;
      buf >>>= 16;
      count -= 16;
    }
  }
  bits.buf = buf;
  bits.count = count;
  bits.pos = pos;
  bits.send(lcode[END_BLOCK]!, llen[END_BLOCK]!);
}
