/**
 * Django's CSRF token format: a 32-character secret of ASCII letters and digits, sent masked as
 * 64 characters (a fresh random mask, then the secret shifted by the mask, character by
 * character, modulo 62). Masking makes every rendered token different, which defeats BREACH-style
 * compression attacks, while any two masks of one secret still compare equal once unmasked.
 */
import { Buffer } from 'node:buffer';
import { getRandomValues, timingSafeEqual } from 'node:crypto';

export const CSRF_ALLOWED_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const CSRF_SECRET_LENGTH = 32;
export const CSRF_TOKEN_LENGTH = 2 * CSRF_SECRET_LENGTH;

const CHAR_COUNT = CSRF_ALLOWED_CHARS.length;
// Largest multiple of 62 below 256: bytes at or above it are redrawn so every character is
// equally likely (a plain `byte % 62` would favour the first few).
const UNBIASED_LIMIT = 256 - (256 % CHAR_COUNT);
const INDEX = new Map<string, number>([...CSRF_ALLOWED_CHARS].map((char, index) => [char, index]));
const INVALID_CHARS = /[^a-zA-Z0-9]/;

/** Why a token was refused, in Django's words (completed as "CSRF cookie has …"). */
export type InvalidTokenReason = 'has incorrect length' | 'has invalid characters';

/** A random string of `length` characters from {@link CSRF_ALLOWED_CHARS}, from the CSPRNG. */
export function randomCsrfString(length = CSRF_SECRET_LENGTH): string {
  let out = '';
  const bytes = new Uint8Array(length * 2);
  while (out.length < length) {
    getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte < UNBIASED_LIMIT) {
        out += CSRF_ALLOWED_CHARS[byte % CHAR_COUNT];
        if (out.length === length) break;
      }
    }
  }
  return out;
}

/** Mask a secret with a fresh random mask: `mask + cipher`, 64 characters. */
export function maskCipherSecret(secret: string): string {
  const mask = randomCsrfString();
  let cipher = '';
  for (let i = 0; i < secret.length; i++) {
    cipher += CSRF_ALLOWED_CHARS[(INDEX.get(secret[i]!)! + INDEX.get(mask[i]!)!) % CHAR_COUNT];
  }
  return mask + cipher;
}

/** Recover the secret from a masked token (assumed sanitized: 64 allowed characters). */
export function unmaskCipherToken(token: string): string {
  const mask = token.slice(0, CSRF_SECRET_LENGTH);
  const cipher = token.slice(CSRF_SECRET_LENGTH);
  let secret = '';
  for (let i = 0; i < cipher.length; i++) {
    const shifted = INDEX.get(cipher[i]!)! - INDEX.get(mask[i]!)!;
    secret += CSRF_ALLOWED_CHARS[(shifted + CHAR_COUNT) % CHAR_COUNT];
  }
  return secret;
}

/** A new masked token for a new secret. */
export function newCsrfToken(): string {
  return maskCipherSecret(randomCsrfString());
}

/**
 * Check a token's shape as Django 4.0+ does: 64 characters is a masked token, 32 is a bare secret
 * from an old cookie (masked here so the rest of the code sees one format). Anything else is
 * refused with the reason Django gives.
 */
export function sanitizeToken(token: string): string | { invalid: InvalidTokenReason } {
  if (token.length !== CSRF_TOKEN_LENGTH && token.length !== CSRF_SECRET_LENGTH) {
    return { invalid: 'has incorrect length' };
  }
  if (INVALID_CHARS.test(token)) return { invalid: 'has invalid characters' };
  return token.length === CSRF_SECRET_LENGTH ? maskCipherSecret(token) : token;
}

/** Compare two sanitized masked tokens by their secrets, in constant time. */
export function compareMaskedTokens(a: string, b: string): boolean {
  const left = Buffer.from(unmaskCipherToken(a), 'latin1');
  const right = Buffer.from(unmaskCipherToken(b), 'latin1');
  return left.length === right.length && timingSafeEqual(left, right);
}
