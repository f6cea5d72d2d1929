import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSRF_ALLOWED_CHARS,
  compareMaskedTokens,
  maskCipherSecret,
  randomCsrfString,
  sanitizeToken,
  unmaskCipherToken,
} from './csrf-cipher.js';

const secretArbitrary = fc
  .array(fc.constantFrom(...CSRF_ALLOWED_CHARS), { minLength: 32, maxLength: 32 })
  .map((chars) => chars.join(''));

describe('CSRF token cipher', () => {
  it('unmasks what it masked, for any secret', () => {
    fc.assert(
      fc.property(secretArbitrary, (secret) => {
        const token = maskCipherSecret(secret);
        expect(token).toMatch(/^[a-zA-Z0-9]{64}$/);
        expect(unmaskCipherToken(token)).toBe(secret);
      }),
    );
  });

  it('reads a token masked by Django', () => {
    // Django 3.2: _mask_cipher_secret with mask 'b' * 32 over secret 'a' * 32 gives 'b' * 32 + 'b' * 32
    // ('a' index 0 + 'b' index 1 = 'b'); unmasking gives the secret back.
    expect(unmaskCipherToken('b'.repeat(32) + 'b'.repeat(32))).toBe('a'.repeat(32));
    // Wrapping: '9' (61) + 'b' (1) = 62 mod 62 = 'a'.
    expect(unmaskCipherToken('b'.repeat(32) + 'a'.repeat(32))).toBe('9'.repeat(32));
  });

  it('compares tokens by secret, not by mask', () => {
    const secret = randomCsrfString();
    expect(compareMaskedTokens(maskCipherSecret(secret), maskCipherSecret(secret))).toBe(true);
    expect(
      compareMaskedTokens(maskCipherSecret(secret), maskCipherSecret(randomCsrfString())),
    ).toBe(false);
  });

  it('draws every allowed character', () => {
    const seen = new Set(randomCsrfString(5000));
    expect(seen.size).toBe(62);
  });

  it('sanitizes like Django 4.0', () => {
    const token = maskCipherSecret(randomCsrfString());
    expect(sanitizeToken(token)).toBe(token);
    expect(sanitizeToken('x'.repeat(10))).toEqual({ invalid: 'has incorrect length' });
    expect(sanitizeToken('!'.repeat(64))).toEqual({ invalid: 'has invalid characters' });
    const fromSecret = sanitizeToken('s'.repeat(32));
    expect(typeof fromSecret === 'string' && unmaskCipherToken(fromSecret)).toBe('s'.repeat(32));
  });
});
