/**
 * Django's PBKDF2 hashers: `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>` (the default) and
 * `pbkdf2_sha1$…`, through node:crypto's asynchronous `pbkdf2` (libuv's thread pool).
 *
 * @module
 */
import { pbkdf2 } from 'node:crypto';
import { constantTimeCompare } from '@reins/core/signing';
import type { PasswordHasher } from './password-hasher.js';
import { MalformedHash, positiveInt, splitFields } from './internal/malformed-hash.js';
import { getRandomString, mustUpdateSalt, saltLength } from './internal/random-string.js';

/** Django 3.2's PBKDF2 work factor (`PBKDF2PasswordHasher.iterations`). */
export const DJANGO_32_PBKDF2_ITERATIONS = 260_000;

/**
 * Options of the PBKDF2 hashers.
 *
 * @example
 * const options: PBKDF2Options = { iterations: 390000 };
 */
export interface PBKDF2Options {
  /** The work factor for new hashes; default Django 3.2's 260000. */
  iterations?: number;
}

function derive(
  password: string,
  salt: string,
  iterations: number,
  digest: string,
): Promise<Buffer> {
  // Django's pbkdf2() with dklen=None: the digest's own size (32 bytes for SHA-256, 20 for SHA-1).
  const length = digest === 'sha1' ? 20 : 32;
  return new Promise((resolve, reject) => {
    pbkdf2(password, salt, iterations, length, digest, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/**
 * Django's `PBKDF2PasswordHasher` (`pbkdf2_sha256`), the default hasher.
 *
 * @example
 * const hasher = new PBKDF2PasswordHasher();
 * await hasher.encode('s3cret', 'seasalt'); // 'pbkdf2_sha256$260000$seasalt$…'
 */
export class PBKDF2PasswordHasher implements PasswordHasher {
  readonly algorithm: string = 'pbkdf2_sha256';
  protected readonly digest: string = 'sha256';
  /** The work factor of new hashes. */
  readonly iterations: number;

  constructor(options: PBKDF2Options = {}) {
    const iterations = options.iterations ?? DJANGO_32_PBKDF2_ITERATIONS;
    if (!Number.isInteger(iterations) || iterations < 1) {
      throw new RangeError(
        `PBKDF2 iterations must be a positive whole number, got ${String(iterations)}; Django 3.2 uses 260000.`,
      );
    }
    this.iterations = iterations;
  }

  salt(): string {
    return getRandomString(saltLength());
  }

  async encode(password: string, salt: string, iterations = this.iterations): Promise<string> {
    if (salt === '' || salt.includes('$')) {
      throw new TypeError(
        `A ${this.algorithm} salt must be non-empty and without '$', got '${salt}'.`,
      );
    }
    const hash = await derive(password, salt, iterations, this.digest);
    return `${this.algorithm}$${iterations}$${salt}$${hash.toString('base64')}`;
  }

  /** The fields of a stored hash (Django's `decode()`). */
  decode(encoded: string): { algorithm: string; iterations: number; salt: string; hash: string } {
    const [algorithm, iterations, salt, hash] = splitFields(encoded, 4, this.algorithm) as [
      string,
      string,
      string,
      string,
    ];
    if (algorithm !== this.algorithm) throw new MalformedHash(this.algorithm, `it is ${algorithm}`);
    if (salt === '') throw new MalformedHash(this.algorithm, 'the salt is empty');
    return {
      algorithm,
      iterations: positiveInt(iterations, algorithm, 'the iteration count'),
      salt,
      hash,
    };
  }

  async verify(password: string, encoded: string): Promise<boolean> {
    const { salt, iterations } = this.decode(encoded);
    return constantTimeCompare(encoded, await this.encode(password, salt, iterations));
  }

  mustUpdate(encoded: string): boolean {
    const { iterations, salt } = this.decode(encoded);
    return iterations !== this.iterations || mustUpdateSalt(salt);
  }

  async hardenRuntime(password: string, encoded: string): Promise<void> {
    const { salt, iterations } = this.decode(encoded);
    const extra = this.iterations - iterations;
    if (extra > 0) await this.encode(password, salt, extra);
  }
}

/**
 * Django's `PBKDF2SHA1PasswordHasher` (`pbkdf2_sha1`).
 *
 * @example
 * await new PBKDF2SHA1PasswordHasher().encode('s3cret', 'seasalt'); // 'pbkdf2_sha1$260000$seasalt$…'
 */
export class PBKDF2SHA1PasswordHasher extends PBKDF2PasswordHasher {
  override readonly algorithm: string = 'pbkdf2_sha1';
  protected override readonly digest: string = 'sha1';
}
