/**
 * The configured hashers (Django's `PASSWORD_HASHERS`) and the functions over them:
 * {@link makePassword}, {@link checkPassword} (with the upgrade on login), {@link identifyHasher},
 * {@link isPasswordUsable}. The first hasher is the preferred one, used for new hashes.
 *
 * @module
 */
import { ImproperlyConfigured } from '@reins/core';
import type { PasswordHasher } from './password-hasher.js';
import { MalformedHash } from './internal/malformed-hash.js';
import { getRandomString } from './internal/random-string.js';
import { PBKDF2PasswordHasher, PBKDF2SHA1PasswordHasher } from './pbkdf2-password-hasher.js';

/** Django's prefix of an unusable password: no hash starts with it. */
export const UNUSABLE_PASSWORD_PREFIX = '!';
const UNUSABLE_PASSWORD_SUFFIX_LENGTH = 40;

let configured: readonly PasswordHasher[] = [];
let byAlgorithm = new Map<string, PasswordHasher>();

/**
 * Set the hashers (Django's `PASSWORD_HASHERS`): the first makes new hashes, all of them verify.
 * The default is Django 3.2's list without the optional bindings: PBKDF2-SHA256, PBKDF2-SHA1.
 *
 * @throws {ImproperlyConfigured} for an empty list or two hashers of one algorithm.
 * @example
 * configurePasswordHashers([new Argon2PasswordHasher(), new PBKDF2PasswordHasher()]);
 */
export function configurePasswordHashers(hashers: readonly PasswordHasher[]): void {
  if (hashers.length === 0) {
    throw new ImproperlyConfigured(
      'The passwordHashers setting is empty: list at least one hasher, e.g. [new PBKDF2PasswordHasher()].',
      { setting: 'passwordHashers', code: 'auth.no_hashers' },
    );
  }
  const map = new Map<string, PasswordHasher>();
  for (const hasher of hashers) {
    if (typeof hasher.algorithm !== 'string' || hasher.algorithm === '') {
      throw new ImproperlyConfigured(
        `A password hasher in passwordHashers has no algorithm name.`,
        {
          setting: 'passwordHashers',
        },
      );
    }
    if (map.has(hasher.algorithm)) {
      throw new ImproperlyConfigured(
        `Two hashers in passwordHashers have the algorithm '${hasher.algorithm}': keep one.`,
        { setting: 'passwordHashers' },
      );
    }
    map.set(hasher.algorithm, hasher);
  }
  configured = [...hashers];
  byAlgorithm = map;
}
configurePasswordHashers([new PBKDF2PasswordHasher(), new PBKDF2SHA1PasswordHasher()]);

/**
 * The configured hashers, preferred first.
 *
 * @example
 * getHashers()[0]!.algorithm; // 'pbkdf2_sha256'
 */
export function getHashers(): readonly PasswordHasher[] {
  return configured;
}

/**
 * The hasher for `algorithm` (`'default'`: the preferred one), or the hasher given.
 *
 * @throws {Error} when no configured hasher has that algorithm.
 * @example
 * getHasher('pbkdf2_sha1');
 */
export function getHasher(algorithm: string | PasswordHasher = 'default'): PasswordHasher {
  if (typeof algorithm !== 'string') return algorithm;
  if (algorithm === 'default') return configured[0]!;
  const hasher = byAlgorithm.get(algorithm);
  if (hasher === undefined) {
    throw new Error(
      `Unknown password hashing algorithm '${algorithm}'. Did you list its hasher in the passwordHashers setting?`,
    );
  }
  return hasher;
}

/**
 * The hasher that made `encoded`, by the name before its first `$` (Django's `identify_hasher`).
 *
 * @throws {Error} for an unknown or absent algorithm.
 * @example
 * identifyHasher('pbkdf2_sha256$260000$salt$hash').algorithm; // 'pbkdf2_sha256'
 */
export function identifyHasher(encoded: string): PasswordHasher {
  const dollar = encoded.indexOf('$');
  return getHasher(dollar === -1 ? encoded : encoded.slice(0, dollar));
}

/**
 * Whether `encoded` is a password that can log in (not made by `makePassword(null)`).
 *
 * @example
 * isPasswordUsable(await makePassword(null)); // false
 */
export function isPasswordUsable(encoded: string | null | undefined): boolean {
  return encoded === null || encoded === undefined || !encoded.startsWith(UNUSABLE_PASSWORD_PREFIX);
}

/**
 * Hash `password` for storage with a fresh salt (or `options.salt`) and the preferred hasher (or
 * `options.hasher`); `null` gives an unusable password (`!` and 40 random characters).
 *
 * @example
 * const encoded = await makePassword('greetings-demo'); // 'pbkdf2_sha256$260000$…'
 */
export async function makePassword(
  password: string | null,
  options: { salt?: string; hasher?: string | PasswordHasher } = {},
): Promise<string> {
  if (password === null)
    return UNUSABLE_PASSWORD_PREFIX + getRandomString(UNUSABLE_PASSWORD_SUFFIX_LENGTH);
  if (typeof password !== 'string') {
    throw new TypeError(`A password must be a string, got ${typeof password}.`);
  }
  const hasher = getHasher(options.hasher);
  return hasher.encode(password, options.salt || hasher.salt());
}

/**
 * Options of {@link checkPassword}.
 *
 * @example
 * const options: CheckPasswordOptions = { setter: (raw) => user.setPassword(raw) };
 */
export interface CheckPasswordOptions {
  /** Called with the raw password when it is right and its hash should be remade (new hasher or work factor). */
  setter?: ((password: string) => unknown) | undefined;
  /** The hasher whose hashes need no update (default: the preferred one). */
  preferred?: string | PasswordHasher | undefined;
}

/**
 * Whether `password` matches `encoded` (Django's `check_password`). A right password under an
 * outdated hasher or work factor calls `setter` (Django's `must_update` upgrade); an unusable,
 * malformed or unknown hash runs the preferred hasher once and answers `false`, so its timing
 * matches a real check (Django's `run_default_hasher`).
 *
 * @example
 * if (await checkPassword(form.password, user.password, { setter: (raw) => upgrade(user, raw) })) …
 */
export async function checkPassword(
  password: string | null | undefined,
  encoded: string | null | undefined,
  options: CheckPasswordOptions = {},
): Promise<boolean> {
  const preferred = getHasher(options.preferred);
  let hasher: PasswordHasher | undefined;
  if (typeof password === 'string' && typeof encoded === 'string' && isPasswordUsable(encoded)) {
    try {
      hasher = identifyHasher(encoded);
    } catch {
      hasher = undefined;
    }
  }
  if (hasher === undefined) {
    await runDefaultHasher();
    return false;
  }
  try {
    const hasherChanged = hasher.algorithm !== preferred.algorithm;
    const mustUpdate = hasherChanged || preferred.mustUpdate(encoded!);
    const correct = await hasher.verify(password!, encoded!);
    // Same hasher, old work factor: spend the difference, so a wrong password takes as long.
    if (!correct && !hasherChanged && mustUpdate) await hasher.hardenRuntime(password!, encoded!);
    if (correct && mustUpdate && options.setter) await options.setter(password!);
    return correct;
  } catch (error) {
    if (!(error instanceof MalformedHash)) throw error;
    await runDefaultHasher();
    return false;
  }
}

/**
 * Run the preferred hasher once on a random password (Django's `make_password(get_random_string())`
 * in `check_password` and the model backend's `set_password` for an unknown user): a login for a
 * missing user takes as long as one for a real user.
 *
 * @example
 * if (row === undefined) { await runDefaultHasher(); return null; }
 */
export async function runDefaultHasher(): Promise<void> {
  await makePassword(getRandomString(UNUSABLE_PASSWORD_SUFFIX_LENGTH));
}
