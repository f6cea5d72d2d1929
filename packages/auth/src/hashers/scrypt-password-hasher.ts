/**
 * The scrypt hasher of Django 4.2 (Django 3.2 has none): `scrypt$<n>$<salt>$<r>$<p>$<base64
 * hash>`, 64-byte key, through node:crypto's asynchronous `scrypt`.
 *
 * @module
 */
import { scrypt } from 'node:crypto';
import { constantTimeCompare } from '@reins/core/signing';
import type { PasswordHasher } from './password-hasher.js';
import { MalformedHash, positiveInt, splitFields } from './internal/malformed-hash.js';
import { getRandomString, saltLength } from './internal/random-string.js';

/**
 * Options of {@link ScryptPasswordHasher}; the defaults are Django 4.2's.
 *
 * @example
 * const options: ScryptOptions = { workFactor: 2 ** 15 };
 */
export interface ScryptOptions {
  /** N, a power of two (default 2**14). */
  workFactor?: number;
  /** r (default 8). */
  blockSize?: number;
  /** p (default 1). */
  parallelism?: number;
}

/**
 * Django 4.2's `ScryptPasswordHasher`.
 *
 * @example
 * await new ScryptPasswordHasher().encode('s3cret', 'seasalt'); // 'scrypt$16384$seasalt$8$1$…'
 */
export class ScryptPasswordHasher implements PasswordHasher {
  readonly algorithm = 'scrypt';
  readonly workFactor: number;
  readonly blockSize: number;
  readonly parallelism: number;

  constructor(options: ScryptOptions = {}) {
    this.workFactor = options.workFactor ?? 2 ** 14;
    this.blockSize = options.blockSize ?? 8;
    this.parallelism = options.parallelism ?? 1;
  }

  salt(): string {
    return getRandomString(saltLength());
  }

  encode(
    password: string,
    salt: string,
    n = this.workFactor,
    r = this.blockSize,
    p = this.parallelism,
  ): Promise<string> {
    if (salt === '' || salt.includes('$')) {
      return Promise.reject(
        new TypeError(`A scrypt salt must be non-empty and without '$', got '${salt}'.`),
      );
    }
    // Python's hashlib.scrypt(maxmem=0) is OpenSSL's 32 MiB cap; allow what the parameters need.
    const maxmem = Math.max(32 * 1024 * 1024, 129 * n * r * p);
    return new Promise((resolve, reject) => {
      scrypt(password, salt, 64, { N: n, r, p, maxmem }, (error, key) => {
        if (error) reject(error);
        else resolve(`${this.algorithm}$${n}$${salt}$${r}$${p}$${key.toString('base64')}`);
      });
    });
  }

  /** The fields of a stored hash (Django's `decode()`). */
  decode(encoded: string): {
    workFactor: number;
    salt: string;
    blockSize: number;
    parallelism: number;
    hash: string;
  } {
    const [algorithm, n, salt, r, p, hash] = splitFields(encoded, 6, 'scrypt') as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (algorithm !== this.algorithm) throw new MalformedHash('scrypt', `it is ${algorithm}`);
    return {
      workFactor: positiveInt(n, 'scrypt', 'n'),
      salt,
      blockSize: positiveInt(r, 'scrypt', 'r'),
      parallelism: positiveInt(p, 'scrypt', 'p'),
      hash,
    };
  }

  async verify(password: string, encoded: string): Promise<boolean> {
    const { workFactor, salt, blockSize, parallelism } = this.decode(encoded);
    try {
      return constantTimeCompare(
        encoded,
        await this.encode(password, salt, workFactor, blockSize, parallelism),
      );
    } catch {
      // Parameters node:crypto refuses (N not a power of two) cannot have made this hash.
      return false;
    }
  }

  mustUpdate(encoded: string): boolean {
    const { workFactor, blockSize, parallelism } = this.decode(encoded);
    return (
      workFactor !== this.workFactor ||
      blockSize !== this.blockSize ||
      parallelism !== this.parallelism
    );
  }

  hardenRuntime(): Promise<void> {
    // As Django 4.2's scrypt hasher: no hardening.
    return Promise.resolve();
  }
}
