/**
 * The contract every password hasher implements (Django's `BasePasswordHasher`): an algorithm
 * name that prefixes the stored hash, async `encode`/`verify` (the work runs off the event loop),
 * and the work-factor checks behind `checkPassword`'s upgrade on login.
 *
 * @module
 */

/**
 * A password hasher, Django's `BasePasswordHasher`: the stored form is
 * `<algorithm>$<algorithm-specific fields>`, shorter than 128 characters (`auth_user.password`).
 *
 * @example
 * const hasher: PasswordHasher = new PBKDF2PasswordHasher({ iterations: 390000 });
 * const encoded = await hasher.encode('s3cret', hasher.salt());
 */
export interface PasswordHasher {
  /** The name before the first `$` of the stored hash (`'pbkdf2_sha256'`). */
  readonly algorithm: string;
  /** A fresh random salt with at least 128 bits of entropy (Django's `salt()`). */
  salt(): string;
  /** The stored form of `password` with `salt`; runs off the event loop. */
  encode(password: string, salt: string): Promise<string>;
  /** Whether `password` matches `encoded` (compared in constant time). */
  verify(password: string, encoded: string): Promise<boolean>;
  /** Whether `encoded` was made with other parameters than this hasher's current ones. */
  mustUpdate(encoded: string): boolean;
  /**
   * Spend the work `encoded` is short of this hasher's work factor, so that a wrong password
   * against an old hash takes as long as against a current one (Django's `harden_runtime`).
   */
  hardenRuntime(password: string, encoded: string): Promise<void>;
}
