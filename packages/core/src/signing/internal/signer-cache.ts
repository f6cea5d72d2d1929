import type { SecretKey } from '../salted-hmac.js';
import { TimestampSigner } from '../timestamp-signer.js';

// dumps()/loads() are called with the same few (key, salt) pairs over and over: keeping their
// signers saves deriving the HMAC key on every call. Bounded; only text keys are cached.
const LIMIT = 64;
const cache = new Map<string, TimestampSigner>();

/** The `TimestampSigner` Django's `dumps`/`loads` build: salt default `'django.core.signing'`. */
export function signerFor(
  key: SecretKey | null | undefined,
  salt: string | undefined,
  fallbackKeys: readonly SecretKey[] | undefined,
): TimestampSigner {
  const realSalt = salt ?? 'django.core.signing';
  if (typeof key !== 'string' || (fallbackKeys !== undefined && fallbackKeys.length > 0)) {
    return new TimestampSigner({ key, salt: realSalt, fallbackKeys });
  }
  const id = `${realSalt.length}:${realSalt}${key}`;
  let signer = cache.get(id);
  if (signer === undefined) {
    signer = new TimestampSigner({ key, salt: realSalt });
    if (cache.size >= LIMIT) cache.clear();
    cache.set(id, signer);
  }
  return signer;
}
