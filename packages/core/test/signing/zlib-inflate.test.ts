import { deflateRawSync, deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { dumps, loads } from '../../src/signing/index.js';
import { compressIfShorter } from '../../src/signing/internal/zlib-compress.js';
import { INFLATE_FAST_LIMIT, inflate } from '../../src/signing/internal/zlib-inflate.js';

// What inflateSync gives for `data`: its bytes, or the message of the error it throws.
function nodeResult(data: Uint8Array): Uint8Array | string {
  try {
    return new Uint8Array(inflateSync(data));
  } catch (error) {
    return (error as Error).message;
  }
}

function ourResult(data: Uint8Array): Uint8Array | string {
  try {
    return new Uint8Array(inflate(data));
  } catch (error) {
    return (error as Error).message;
  }
}

const payload = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.uint8Array({ min: 97, max: 100, maxLength: 3000 }),
  fc
    .array(fc.constantFrom('{"', '":', ',"', 'visits', '_auth_user_', '42', 'e1b2', '}'), {
      maxLength: 200,
    })
    .map((words) => new TextEncoder().encode(words.join(''))),
);

// Python writes level 6 (0x78 0x9c); other levels and strategies write other blocks (stored,
// fixed, dynamic) and other headers, which must come out the same whichever path takes them.
const stream = fc.oneof(
  payload.map((data) => pako.deflate(data)),
  fc
    .tuple(payload, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 4 }))
    .map(([data, level, strategy]) => new Uint8Array(deflateSync(data, { level, strategy }))),
  payload.map((data) => new Uint8Array(deflateSync(data, { level: 0 }))),
);

describe('inflate (zlib.decompress for small streams)', () => {
  it("gives inflateSync's bytes for any zlib stream", () => {
    fc.assert(
      fc.property(stream, (data) => {
        expect(ourResult(data)).toEqual(nodeResult(data));
      }),
      { numRuns: 400 },
    );
  });

  it('gives what inflateSync gives (bytes or its error) for a damaged stream', () => {
    const damaged = fc
      .tuple(
        stream,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: -3, max: 3 }),
      )
      .map(([data, flips, cut]) => {
        const copy = new Uint8Array(data);
        for (const [at, mask] of flips) copy[at % copy.length]! ^= mask;
        if (cut < 0) return copy.subarray(0, Math.max(0, copy.length + cut));
        const longer = new Uint8Array(copy.length + cut);
        longer.set(copy);
        return longer;
      });
    fc.assert(
      fc.property(damaged, (data) => {
        expect(ourResult(data)).toEqual(nodeResult(data));
      }),
      { numRuns: 500 },
    );
  });

  it('hands the odd cases to node:zlib: an empty input, a raw stream, a large output', () => {
    const big = new Uint8Array(INFLATE_FAST_LIMIT * 2).fill(120);
    for (const data of [
      new Uint8Array(0),
      new Uint8Array([0x78, 0x9c]),
      new Uint8Array(deflateRawSync(new TextEncoder().encode('{"visits":41}'))),
      new Uint8Array(deflateSync(big)),
      compressIfShorter(new TextEncoder().encode('{"a":"' + 'b'.repeat(200) + '"}'))!,
    ]) {
      const [ours, node] = [ourResult(data), nodeResult(data)];
      // Buffer.equals: toEqual walks a 128 KiB array element by element (seconds).
      if (typeof ours === 'string' || typeof node === 'string') expect(ours).toBe(node);
      else expect(Buffer.from(ours).equals(Buffer.from(node))).toBe(true);
    }
    expect(Buffer.from(inflate(new Uint8Array(deflateSync(big)))).equals(big)).toBe(true);
  });

  it('reads back what dumps(..., compress) writes', () => {
    const value = {
      _auth_user_id: '1',
      _auth_user_backend: 'django.contrib.auth.backends.ModelBackend',
      _auth_user_hash: '0123456789abcdef0123456789abcdef01234567',
      visits: 41,
    };
    const token = dumps(value, { key: 'k', compress: true });
    expect(token.startsWith('.')).toBe(true);
    expect(loads(token, { key: 'k' })).toEqual(value);
  });
});
