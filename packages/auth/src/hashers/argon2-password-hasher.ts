/**
 * Django's `Argon2PasswordHasher`: `argon2$argon2id$v=19$m=102400,t=2,p=8$<salt>$<hash>`, through
 * `@node-rs/argon2` (prebuilt native binaries from the npm registry, hashing on libuv's pool).
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import type * as Argon2Module from '@node-rs/argon2';
import type { PasswordHasher } from './password-hasher.js';
import { loadBinding } from './internal/load-binding.js';
import { MalformedHash, positiveInt } from './internal/malformed-hash.js';
import { getRandomString, mustUpdateSalt, saltLength } from './internal/random-string.js';

type Argon2 = typeof Argon2Module;
let binding: Promise<Argon2> | undefined;
const load = (): Promise<Argon2> =>
  (binding ??= loadBinding(
    '@node-rs/argon2',
    'Argon2 password hasher',
    () => import('@node-rs/argon2'),
  ).catch((error: unknown) => {
    binding = undefined;
    throw error;
  }));

// @node-rs/argon2's const enums, by value (isolatedModules cannot inline them).
const ARGON2ID = 2;
const VERSION_0x13 = 1;

/**
 * Options of {@link Argon2PasswordHasher}; the defaults are Django 3.2's.
 *
 * @example
 * const options: Argon2Options = { memoryCost: 65536, timeCost: 3, parallelism: 4 };
 */
export interface Argon2Options {
  /** Passes (default 2). */
  timeCost?: number;
  /** KiB of memory (default 102400). */
  memoryCost?: number;
  /** Lanes (default 8). */
  parallelism?: number;
}

interface Argon2Fields {
  variety: string;
  version: number;
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  salt: string;
  hashLength: number;
}

/**
 * Django's `Argon2PasswordHasher` (argon2id, argon2-cffi's 16-byte hash, Django's text salt).
 *
 * @example
 * PASSWORD_HASHERS: [new Argon2PasswordHasher(), new PBKDF2PasswordHasher()];
 */
export class Argon2PasswordHasher implements PasswordHasher {
  readonly algorithm = 'argon2';
  readonly timeCost: number;
  readonly memoryCost: number;
  readonly parallelism: number;
  /** argon2-cffi's `DEFAULT_HASH_LENGTH`, which Django 3.2 uses. */
  readonly hashLength = 16;

  constructor(options: Argon2Options = {}) {
    this.timeCost = options.timeCost ?? 2;
    this.memoryCost = options.memoryCost ?? 102_400;
    this.parallelism = options.parallelism ?? 8;
  }

  salt(): string {
    return getRandomString(saltLength());
  }

  async encode(password: string, salt: string): Promise<string> {
    const argon2 = await load();
    const phc = await argon2.hash(password, {
      algorithm: ARGON2ID,
      version: VERSION_0x13,
      memoryCost: this.memoryCost,
      timeCost: this.timeCost,
      parallelism: this.parallelism,
      outputLen: this.hashLength,
      salt: Buffer.from(salt, 'utf8'),
    });
    return this.algorithm + phc;
  }

  /** The parameters and salt of a stored hash (Django's `decode()`). */
  decode(encoded: string): Argon2Fields {
    if (!encoded.startsWith('argon2$'))
      throw new MalformedHash('argon2', 'it does not start with argon2$');
    const parts = encoded.slice('argon2$'.length).split('$');
    // variety, [v=19], m=…,t=…,p=…, salt, hash (argon2-cffi accepts the version-less old form).
    const [variety, ...rest] = parts;
    let version = 0x10;
    if (rest[0]?.startsWith('v='))
      version = positiveInt(rest.shift()!.slice(2), 'argon2', 'the version');
    if (rest.length !== 3 || !/^argon2(id|i|d)$/.test(variety ?? '')) {
      throw new MalformedHash(
        'argon2',
        'expected argon2$<variety>$v=<version>$m=…,t=…,p=…$<salt>$<hash>',
      );
    }
    const [params, b64salt, b64hash] = rest as [string, string, string];
    const values = Object.fromEntries(
      params.split(',').map((pair) => pair.split('=') as [string, string]),
    );
    const salt = Buffer.from(b64salt, 'base64').toString('latin1');
    return {
      variety: variety!,
      version,
      memoryCost: positiveInt(values['m'] ?? '', 'argon2', 'm'),
      timeCost: positiveInt(values['t'] ?? '', 'argon2', 't'),
      parallelism: positiveInt(values['p'] ?? '', 'argon2', 'p'),
      salt,
      hashLength: Buffer.from(b64hash, 'base64').length,
    };
  }

  async verify(password: string, encoded: string): Promise<boolean> {
    this.decode(encoded);
    const argon2 = await load();
    try {
      return await argon2.verify(encoded.slice(this.algorithm.length), password);
    } catch {
      // argon2-cffi's VerificationError/InvalidHash both answer False in Django.
      return false;
    }
  }

  mustUpdate(encoded: string): boolean {
    const current = this.decode(encoded);
    return (
      current.variety !== 'argon2id' ||
      current.version !== 0x13 ||
      current.memoryCost !== this.memoryCost ||
      current.timeCost !== this.timeCost ||
      current.parallelism !== this.parallelism ||
      current.hashLength !== this.hashLength ||
      mustUpdateSalt(current.salt)
    );
  }

  hardenRuntime(): Promise<void> {
    // As Django: Argon2's runtime is too complicated for a sensible hardening.
    return Promise.resolve();
  }
}
