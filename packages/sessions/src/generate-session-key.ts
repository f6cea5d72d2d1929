/**
 * Session keys as Django makes them: `get_random_string(32, VALID_KEY_CHARS)`.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { randomFillSync } from 'node:crypto';

/** Django's `VALID_KEY_CHARS`: lower-case letters and digits (case-insensitive stores stay safe). */
export const VALID_KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const KEY_LENGTH = 32;
// Bytes at or above 252 (= 7 × 36) are thrown away so every character is equally likely.
const UNBIASED_LIMIT = 252;
const pool = Buffer.alloc(256);
let poolIndex = pool.length;

function randomByte(): number {
  if (poolIndex === pool.length) {
    randomFillSync(pool);
    poolIndex = 0;
  }
  return pool[poolIndex++]!;
}

/**
 * A fresh 32-character session key from Django's alphabet (`[a-z0-9]`), from a CSPRNG with no
 * modulo bias.
 *
 * @example
 * generateSessionKey(); // 'q3v0y5u1w9…' (32 characters)
 */
export function generateSessionKey(): string {
  let key = '';
  while (key.length < KEY_LENGTH) {
    const byte = randomByte();
    if (byte < UNBIASED_LIMIT) key += VALID_KEY_CHARS[byte % 36];
  }
  return key;
}
