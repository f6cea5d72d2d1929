/**
 * Django's `signing.dumps()`: a value as URL-safe, signed, timestamped (optionally compressed)
 * JSON — what Django's signed-cookie sessions and password-reset style tokens are made of.
 *
 * @module
 */
import type { Serializer } from './json-serializer.js';
import type { SecretKey } from './salted-hmac.js';
import { signerFor } from './internal/signer-cache.js';

/** Options of `dumps()`. */
export interface DumpsOptions {
  /** The secret key (Django's `SECRET_KEY`). Required. */
  key: SecretKey | null | undefined;
  /** Namespaces the signature. Default `'django.core.signing'`. */
  salt?: string | undefined;
  /** How the value becomes bytes. Default `JSONSerializer` (Python's compact `json.dumps`). */
  serializer?: Serializer | undefined;
  /** zlib-compress when that makes the result shorter. Default `false`. */
  compress?: boolean | undefined;
}

/**
 * Sign `value` as Django's `signing.dumps(obj, key, salt, compress=…)` does, byte for byte.
 *
 * @example
 * const token = dumps({ userId: 42 }, { key: settings.secretKey, salt: 'unsubscribe' });
 */
export function dumps(value: unknown, options: DumpsOptions): string {
  return signerFor(options.key, options.salt, undefined).signObject(value, options);
}
