import { Buffer } from 'node:buffer';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PreparedHmac } from './prepared-hmac.js';

const expected = (algorithm: string, key: Uint8Array, message: string) =>
  createHmac(algorithm, key).update(message, 'utf8').digest('base64url');

// The specialised digests, one without a specialisation (createHmac), and keys up to past the
// largest block (128 bytes), which RFC 2104 hashes first.
const algorithm = fc.constantFrom(
  'sha256',
  'sha1',
  'sha512',
  'sha384',
  'sha224',
  'md5',
  'sha3-256',
);
const key = fc.uint8Array({ minLength: 0, maxLength: 200 }).map((bytes) => Buffer.from(bytes));
const message = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  // Lone surrogates: both sides sign U+FFFD's bytes for them.
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map(String.fromCharCode) }),
);

describe('PreparedHmac', () => {
  it('gives createHmac’s digest for any key, message and algorithm', () => {
    fc.assert(
      fc.property(algorithm, key, message, (name, bytes, text) => {
        expect(new PreparedHmac(name, bytes).base64url(text)).toBe(expected(name, bytes, text));
      }),
    );
  });

  it('gives the same digests when one instance signs many messages, short and long', () => {
    fc.assert(
      fc.property(
        algorithm,
        key,
        fc.array(fc.oneof(message, fc.string({ minLength: 100, maxLength: 3000 })), {
          maxLength: 8,
        }),
        (name, bytes, texts) => {
          const hmac = new PreparedHmac(name, bytes);
          for (const text of texts) expect(hmac.base64url(text)).toBe(expected(name, bytes, text));
        },
      ),
      { numRuns: 50 },
    );
  });

  // The kept views of the buffer, by length modulo 128: a length again, another length in the
  // same slot, and the buffer grown (its old views then see none of the new messages).
  it('gives the same digests for messages of the same length, of lengths 128 apart, and after growing', () => {
    const bytes = Buffer.from('derived key');
    const hmac = new PreparedHmac('sha256', bytes);
    const texts = [
      'a'.repeat(10),
      'b'.repeat(10),
      'c'.repeat(138),
      'd'.repeat(10),
      'e'.repeat(138),
    ];
    texts.push(
      'f'.repeat(2000),
      'g'.repeat(10),
      'h'.repeat(138),
      'i'.repeat(2128),
      'j'.repeat(2000),
    );
    for (const text of texts) expect(hmac.base64url(text)).toBe(expected('sha256', bytes, text));
  });

  it('signs a message past the kept buffer’s limit (createHmac takes it)', () => {
    const bytes = Buffer.from('derived key');
    const text = 'é'.repeat(20_000);
    expect(new PreparedHmac('sha256', bytes).base64url(text)).toBe(expected('sha256', bytes, text));
  });
});
