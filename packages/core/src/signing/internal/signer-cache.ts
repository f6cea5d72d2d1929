import type { SecretKey } from '../salted-hmac.js';
import { TimestampSigner } from '../timestamp-signer.js';

// dumps()/loads() are called with the same few (salt, key) pairs over and over: keeping their
// signers saves deriving the HMAC key on every call. Two levels, so a lookup hashes the strings
// it is given instead of a new concatenation. Bounded; only text keys are cached.
const LIMIT = 64;
const cache = new Map<string, Map<string, TimestampSigner>>();
let size = 0;

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
  let byKey = cache.get(realSalt);
  let signer = byKey?.get(key);
  if (signer === undefined) {
    signer = new TimestampSigner({ key, salt: realSalt });
    if (size >= LIMIT) {
      cache.clear();
      size = 0;
      byKey = undefined;
    }
    if (byKey === undefined) cache.set(realSalt, (byKey = new Map<string, TimestampSigner>()));
    byKey.set(key, signer);
    size++;
  }
  return signer;
}
