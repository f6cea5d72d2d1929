/**
 * Django's `signing.loads()`: the value back from `dumps()`, after checking the signature and
 * optionally its age.
 *
 * @module
 */
import type { Serializer } from './json-serializer.js';
import type { SecretKey } from './salted-hmac.js';
import type { MaxAge } from './timestamp-signer.js';
import { signerFor } from './internal/signer-cache.js';

/** Options of `loads()`. */
export interface LoadsOptions {
  /** The secret key (Django's `SECRET_KEY`). Required. */
  key: SecretKey | null | undefined;
  /** Older keys still accepted (Django 4.1's `SECRET_KEY_FALLBACKS`). */
  fallbackKeys?: readonly SecretKey[] | undefined;
  /** The salt `dumps()` used. Default `'django.core.signing'`. */
  salt?: string | undefined;
  /** How the bytes become a value. Default `JSONSerializer`. */
  serializer?: Serializer | undefined;
  /** Refuse values signed longer ago than this many seconds (`SignatureExpired`). */
  maxAge?: MaxAge | null | undefined;
}

/**
 * The value inside a `dumps()` string (Django's `signing.loads(s, key, salt, max_age=…)`).
 *
 * @throws {BadSignature} when the signature does not match (tampered, other key or salt).
 * @throws {SignatureExpired} when it is older than `maxAge` seconds.
 * @example
 * const { userId } = loads(token, { key: settings.secretKey, salt: 'unsubscribe', maxAge: 86400 }) as { userId: number };
 */
export function loads(signed: string, options: LoadsOptions): unknown {
  return signerFor(options.key, options.salt, options.fallbackKeys).unsignObject(signed, options);
}
