import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import pako from 'pako';
import { describe, expect, it, vi } from 'vitest';
import { dumps } from '../../src/signing/index.js';
import {
  blockSizes,
  compressedBase64IfShorter,
  compressIfShorter,
  FAST_COMPRESS_LIMIT,
  payloadBase64,
} from '../../src/signing/internal/zlib-compress.js';

interface Vector {
  kind: 'random' | 'alphabet' | 'json' | 'runs' | 'fibonacci';
  n: number;
  seed: number;
  length: number;
  sha256: string;
  hex?: string;
}

// Recorded by record_zlib.py with Python's zlib (what Django's signing.dumps compresses with).
const fixture = JSON.parse(
  readFileSync(new URL('fixtures/zlib-compress.json', import.meta.url), 'utf8'),
) as { vectors: Vector[] };

const WORDS = [
  '{"',
  '":"',
  '","',
  '":',
  ',"',
  '}',
  '_auth_user_',
  'id',
  'hash',
  'backend',
  'django.contrib.auth.backends.ModelBackend',
  'visits',
  'cart',
  '[',
  ']',
  '1',
  '42',
  '0123456789abcdef',
  'e1b2c3d4',
  'true',
  'null',
  '\\u00e9',
  'messages',
  '_language',
  'en',
];

// record_zlib.py's generator, step for step.
function make(kind: Vector['kind'], n: number, seed: number): Uint8Array {
  let state = seed & 0x7fffffff;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state >> 8;
  };
  const out: number[] = [];
  if (kind === 'random') {
    while (out.length < n) out.push(next() & 0xff);
  } else if (kind === 'alphabet') {
    const size = 1 + (next() % 16);
    while (out.length < n) out.push(97 + (next() % size));
  } else if (kind === 'json') {
    while (out.length < n) for (const c of WORDS[next() % WORDS.length]!) out.push(c.charCodeAt(0));
  } else if (kind === 'runs') {
    while (out.length < n) {
      const byte = next() & 0xff;
      out.push(...new Array<number>(1 + (next() % 300)).fill(byte));
    }
  } else {
    let [a, b] = [1, 1];
    for (let symbol = 0; symbol < 24; symbol++) {
      out.push(...new Array<number>(a).fill((seed + symbol * 7) & 0xff));
      [a, b] = [b, a + b];
    }
    for (let i = out.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
  }
  return Uint8Array.from(out.slice(0, n));
}

describe("compressIfShorter: Python's zlib.compress, kept as Django keeps it", () => {
  it.each(fixture.vectors.map((v) => [`${v.kind} ${v.n} #${v.seed}`, v] as const))('%s', (_, v) => {
    const data = make(v.kind, v.n, v.seed);
    expect(data.length).toBe(v.n);
    const ours = compressIfShorter(data);
    if (v.length >= v.n - 1) {
      // Django sends the plain bytes: the zlib form would not save more than its '.' marker.
      expect(ours).toBeNull();
      return;
    }
    expect(ours).not.toBeNull();
    if (v.hex !== undefined) expect(Buffer.from(ours!).toString('hex')).toBe(v.hex);
    expect(ours!.length).toBe(v.length);
    expect(createHash('sha256').update(ours!).digest('hex')).toBe(v.sha256);
  });

  it('has vectors of both outcomes', () => {
    const kept = fixture.vectors.filter((v) => v.length < v.n - 1);
    expect(kept.length).toBeGreaterThan(20);
    expect(fixture.vectors.length - kept.length).toBeGreaterThan(20);
  });

  // pako is a line-by-line port of zlib 1.2.x's deflate: an oracle for open-ended inputs.
  it('writes what zlib 1.2 (pako) writes, for any bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.uint8Array({ min: 97, max: 100, maxLength: 3000 }),
      fc
        .array(fc.constantFrom('{"', '":', ',"', 'visits', '_auth_user_', '42', 'e1b2'), {
          maxLength: 400,
        })
        .map((parts) => new TextEncoder().encode(parts.join(''))),
    );
    fc.assert(
      fc.property(bytes, (data) => {
        const expected = pako.deflate(data);
        const ours = compressIfShorter(data);
        const base64 = compressedBase64IfShorter(data);
        if (expected.length < data.length - 1) {
          expect(ours).toEqual(expected);
          expect(base64).toBe(Buffer.from(expected).toString('base64url'));
        } else {
          expect(ours).toBeNull();
          expect(base64).toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });

  // A session of a few dozen bytes is where the lower bound decides without building the trees:
  // it must never exceed the size zlib's trees give, or an input zlib shrinks would go plain.
  it('decides before the trees from the exact fixed size and a true lower bound of the dynamic one', () => {
    const bytes = fc.oneof(
      fc
        .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 })
        .map((parts) => new TextEncoder().encode(parts.join(''))),
      fc.uint8Array({ min: 48, max: 122, minLength: 1, maxLength: 300 }),
      fc
        .tuple(fc.integer({ min: 0, max: 250 }), fc.integer({ min: 1, max: 6 }))
        .chain(([base, size]) =>
          fc.uint8Array({ min: base, max: base + size - 1, minLength: 1, maxLength: 200 }),
        ),
      fc.uint8Array({ minLength: 0, maxLength: 3000 }),
    );
    fc.assert(
      fc.property(bytes, (data) => {
        const sizes = blockSizes(data);
        expect(sizes.fixedBeforeTrees).toBe(sizes.fixed);
        expect(sizes.dynamicLowerBound).toBeLessThanOrEqual(sizes.dynamic);
        expect(sizes.dynamicBeforeBlTree).toBeLessThanOrEqual(sizes.dynamic);
      }),
      { numRuns: 1000, examples: [[new Uint8Array(0)], [new Uint8Array([7])]] },
    );
  });

  // When the fixed block wins, the bit-length tree is not built: the bound that decides it must
  // never exceed the dynamic size, or a block zlib writes dynamic would be written fixed.
  it('bounds the dynamic block from below once the literal and distance trees exist', () => {
    const bytes = fc.oneof(
      fc
        .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 120 })
        .map((parts) => new TextEncoder().encode(parts.join(''))),
      fc
        .tuple(fc.integer({ min: 0, max: 254 }), fc.integer({ min: 1, max: 2 }))
        .chain(([base, size]) =>
          fc.uint8Array({ min: base, max: base + size - 1, minLength: 0, maxLength: 2000 }),
        ),
      fc
        .tuple(fc.integer({ min: 0, max: 250 }), fc.integer({ min: 1, max: 6 }))
        .chain(([base, size]) =>
          fc.uint8Array({ min: base, max: base + size - 1, minLength: 1, maxLength: 2000 }),
        ),
      fc
        .tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 60 }))
        .map(
          ([part, times]) => new Uint8Array(Array.from({ length: times }, () => [...part]).flat()),
        ),
      fc.uint8Array({ min: 48, max: 122, minLength: 0, maxLength: 2000 }),
      fc.uint8Array({ minLength: 0, maxLength: 2000 }),
    );
    fc.assert(
      fc.property(bytes, (data) => {
        const sizes = blockSizes(data);
        expect(sizes.dynamicBeforeBlTree).toBeLessThanOrEqual(sizes.dynamic);
      }),
      { numRuns: 1000, examples: [[new Uint8Array(0)], [new Uint8Array([7])]] },
    );
  });

  it('inflates back to the input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ min: 0, max: 7, maxLength: 2000 }), (data) => {
        const ours = compressIfShorter(data);
        if (ours !== null) expect(new Uint8Array(inflateSync(ours))).toEqual(data);
      }),
      { numRuns: 200 },
    );
  });

  it("makes dumps(compress: true) Django's string byte for byte, for every recorded vector", () => {
    const django = JSON.parse(
      readFileSync(new URL('fixtures/django-signing.json', import.meta.url), 'utf8'),
    ) as {
      dumps: {
        now: number;
        key: string;
        salt: string;
        obj: unknown;
        compress: boolean;
        signed: string;
      }[];
    };
    const compressed = django.dumps.filter((v) => v.compress);
    expect(compressed.some((v) => v.signed.startsWith('.'))).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const v of compressed) {
        vi.setSystemTime(Math.round(v.now * 1000));
        expect(dumps(v.obj, { key: v.key, salt: v.salt, compress: true })).toBe(v.signed);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands inputs above its limit to node:zlib, which Python inflates the same', () => {
    const data = new Uint8Array(FAST_COMPRESS_LIMIT + 1000).fill(120);
    const ours = compressIfShorter(data);
    expect(ours).not.toBeNull();
    expect(new Uint8Array(inflateSync(ours!))).toEqual(data);
    expect(compressedBase64IfShorter(data)).toBe(Buffer.from(ours!).toString('base64url'));
  });
});

describe("payloadBase64: what sign_object() signs, from bytes or from a string's Latin-1 bytes", () => {
  // What Django's sign_object() makes of the bytes, with pako (zlib 1.2) as the oracle.
  const expected = (data: Uint8Array, compress: boolean): string => {
    const zlib = compress ? pako.deflate(data) : null;
    return zlib !== null && zlib.length < data.length - 1
      ? '.' + Buffer.from(zlib).toString('base64url')
      : Buffer.from(data).toString('base64url');
  };

  it('gives a string the result of its Latin-1 bytes, compressed or not, kept or not', () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)) }),
      fc
        .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 300 }))
        .map(([part, times]) => part.repeat(times)),
    );
    // Inputs of every length one after the other: a longer one leaves bytes in the window past
    // a shorter one's end, which must read as zlib's zeroed window.
    fc.assert(
      fc.property(text, fc.boolean(), (value, compress) => {
        const bytes = Buffer.from(value, 'latin1');
        expect(payloadBase64(value, compress)).toBe(expected(bytes, compress));
        expect(payloadBase64(bytes, compress)).toBe(expected(bytes, compress));
      }),
      {
        numRuns: 1000,
        examples: [
          ['', true],
          ['\u0100\uffff', true],
          ['é'.repeat(40), true],
        ],
      },
    );
  });

  it('takes a string above its limit through a Buffer to node:zlib', () => {
    const value = 'x'.repeat(FAST_COMPRESS_LIMIT + 1000);
    const bytes = Buffer.from(value, 'latin1');
    expect(payloadBase64(value, true)).toBe('.' + compressedBase64IfShorter(bytes)!);
    expect(payloadBase64(value, false)).toBe(bytes.toString('base64url'));
  });
});
