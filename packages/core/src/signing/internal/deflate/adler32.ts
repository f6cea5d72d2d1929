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
