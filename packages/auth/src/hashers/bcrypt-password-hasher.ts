/**
 * Django's bcrypt hashers: `bcrypt_sha256$$2b$12$<salt><checksum>` (the password's SHA-256 hex
 * digest through bcrypt, so no 72-byte truncation) and plain `bcrypt$…`, through `@node-rs/bcrypt`
 * (prebuilt native binaries from the npm registry, hashing on libuv's pool).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { constantTimeCompare } from '@reins/core/signing';
import type * as BcryptModule from '@node-rs/bcrypt';
import type { PasswordHasher } from './password-hasher.js';
import { loadBinding } from './internal/load-binding.js';
import { MalformedHash } from './internal/malformed-hash.js';

type Bcrypt = typeof BcryptModule;
let binding: Promise<Bcrypt> | undefined;
const load = (): Promise<Bcrypt> =>
  (binding ??= loadBinding(
    '@node-rs/bcrypt',
    'bcrypt password hasher',
    () => import('@node-rs/bcrypt'),
  ).catch((error: unknown) => {
    binding = undefined;
    throw error;
  }));

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SALT = /^\$(2[abxy])\$([0-9]{2})\$([./A-Za-z0-9]{22})/;

// bcrypt's own base64 (no padding) of the 16 salt bytes, 22 characters.
function decodeBcryptSalt(text: string): Uint8Array {
  const out = new Uint8Array(16);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    value = (value << 6) | BCRYPT_ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8 && index < 16) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Options of the bcrypt hashers.
 *
 * @example
 * const options: BCryptOptions = { rounds: 13 };
 */
export interface BCryptOptions {
  /** log2 of the work (default 12, Django's). */
  rounds?: number;
}

/**
 * Django's `BCryptSHA256PasswordHasher` (`bcrypt_sha256`).
 *
 * @example
 * PASSWORD_HASHERS: [new BCryptSHA256PasswordHasher(), new PBKDF2PasswordHasher()];
 */
export class BCryptSHA256PasswordHasher implements PasswordHasher {
  readonly algorithm: string = 'bcrypt_sha256';
  protected readonly prehash: boolean = true;
  readonly rounds: number;

  constructor(options: BCryptOptions = {}) {
    this.rounds = options.rounds ?? 12;
  }

  /** A bcrypt salt, `$2b$<rounds>$<22 characters>` (Django's `bcrypt.gensalt(rounds)`). */
  salt(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    let out = '';
    let bits = 0;
    let value = 0;
    for (const byte of bytes) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        out += BCRYPT_ALPHABET[(value >> bits) & 63];
      }
    }
    out += BCRYPT_ALPHABET[(value << (6 - bits)) & 63];
    return `$2b$${String(this.rounds).padStart(2, '0')}$${out}`;
  }

  #input(password: string): string {
    return this.prehash ? createHash('sha256').update(password, 'utf8').digest('hex') : password;
  }

  async encode(password: string, salt: string): Promise<string> {
    const match = SALT.exec(salt);
    if (match === null)
      throw new TypeError(`A bcrypt salt looks like '$2b$12$<22 characters>', got '${salt}'.`);
    const bcrypt = await load();
    const hashed = await bcrypt.hash(
      this.#input(password),
      Number(match[2]),
      decodeBcryptSalt(match[3]!),
    );
    // Keep the salt's own version tag ($2a$, $2b$): Django's verify() re-encodes with it.
    return `${this.algorithm}$$${match[1]!}${hashed.slice(3)}`;
  }

  /** The work factor, salt and checksum of a stored hash (Django's `decode()`). */
  decode(encoded: string): { workFactor: number; salt: string; checksum: string } {
    const prefix = `${this.algorithm}$`;
    const data = encoded.startsWith(prefix) ? encoded.slice(prefix.length) : '';
    const match = SALT.exec(data);
    if (match === null || data.length !== 60) {
      throw new MalformedHash(
        this.algorithm,
        `expected ${this.algorithm}$$2b$<rounds>$<53 characters>`,
      );
    }
    return { workFactor: Number(match[2]), salt: match[3]!, checksum: data.slice(29) };
  }

  async verify(password: string, encoded: string): Promise<boolean> {
    this.decode(encoded);
    const salt = encoded.slice(this.algorithm.length + 1, this.algorithm.length + 30);
    return constantTimeCompare(encoded, await this.encode(password, salt));
  }

  mustUpdate(encoded: string): boolean {
    return this.decode(encoded).workFactor !== this.rounds;
  }

  async hardenRuntime(password: string, encoded: string): Promise<void> {
    const { workFactor } = this.decode(encoded);
    const salt = encoded.slice(this.algorithm.length + 1, this.algorithm.length + 30);
    // The work factor is logarithmic: each missing round doubles the work.
    for (let diff = 2 ** (this.rounds - workFactor) - 1; diff > 0; diff--)
      await this.encode(password, salt);
  }
}

/**
 * Django's `BCryptPasswordHasher` (`bcrypt`): bcrypt over the raw password, which bcrypt truncates
 * at 72 bytes; prefer {@link BCryptSHA256PasswordHasher}.
 *
 * @example
 * PASSWORD_HASHERS: [new PBKDF2PasswordHasher(), new BCryptPasswordHasher()];
 */
export class BCryptPasswordHasher extends BCryptSHA256PasswordHasher {
  override readonly algorithm: string = 'bcrypt';
  protected override readonly prehash: boolean = false;
}
