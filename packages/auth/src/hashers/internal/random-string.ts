import { randomInt } from 'node:crypto';

/** Django's `RANDOM_STRING_CHARS`: the alphabet of salts and unusable-password suffixes. */
const RANDOM_STRING_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Django's `get_random_string()`: `length` characters of `chars`, from the CSPRNG. */
export function getRandomString(length: number, chars = RANDOM_STRING_CHARS): string {
  let out = '';
  for (let i = 0; i < length; i++) out += chars[randomInt(chars.length)];
  return out;
}

/** Django's salt length for 128 bits of entropy over its 62-character alphabet: 22. */
export function saltLength(entropy = 128): number {
  return Math.ceil(entropy / Math.log2(RANDOM_STRING_CHARS.length));
}

/** Django's `must_update_salt()`: a salt shorter than `entropy` bits is replaced on the next login. */
export function mustUpdateSalt(salt: string, entropy = 128): boolean {
  return salt.length * Math.log2(RANDOM_STRING_CHARS.length) < entropy;
}
