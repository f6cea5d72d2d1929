/**
 * Django's `signing.get_cookie_signer()`: the `TimestampSigner` signed cookies use, keyed with
 * `b'django.http.cookies' + SECRET_KEY` (and the fallback keys likewise), one per salt.
 */
import { Buffer } from 'node:buffer';
import { ImproperlyConfigured } from '@reins/core';
import { TimestampSigner, type SecretKey } from '@reins/core/signing';

/** The settings a cookie signer needs; a request's resolved options carry them. */
export interface CookieSigningKeys {
  readonly secretKey: SecretKey | null;
  readonly secretKeyFallbacks: readonly SecretKey[];
}

const PREFIX = Buffer.from('django.http.cookies');
// A site signs a handful of cookie names: their signers are kept per settings object, bounded.
const LIMIT = 256;
const signers = new WeakMap<CookieSigningKeys, Map<string, TimestampSigner>>();

function cookieKey(key: SecretKey): Buffer {
  return Buffer.concat([PREFIX, typeof key === 'string' ? Buffer.from(key, 'utf8') : key]);
}

/**
 * The signer for cookies salted with `salt` (Django passes the cookie name plus the salt).
 *
 * @throws {ImproperlyConfigured} naming `secretKey` when no key is configured.
 */
export function getCookieSigner(keys: CookieSigningKeys, salt: string): TimestampSigner {
  let bySalt = signers.get(keys);
  let signer = bySalt?.get(salt);
  if (signer !== undefined) return signer;
  const secretKey = keys.secretKey;
  if (secretKey === null || secretKey.length === 0) {
    throw new ImproperlyConfigured(
      "Signed cookies need a secret key: set the 'secretKey' setting (a long random string kept out of source control), or pass { secretKey } to setSignedCookie()/getSignedCookie().",
      { setting: 'secretKey', code: 'http.missing_secret_key' },
    );
  }
  signer = new TimestampSigner({
    key: cookieKey(secretKey),
    fallbackKeys: keys.secretKeyFallbacks.map(cookieKey),
    salt,
  });
  if (bySalt === undefined) signers.set(keys, (bySalt = new Map<string, TimestampSigner>()));
  if (bySalt.size >= LIMIT) bySalt.clear();
  bySalt.set(salt, signer);
  return signer;
}

const explicitKeys = new Map<SecretKey, CookieSigningKeys>();

/** The keys for an explicit `{ secretKey }` option, the same object for the same key. */
export function explicitSigningKeys(secretKey: SecretKey): CookieSigningKeys {
  let keys = explicitKeys.get(secretKey);
  if (keys === undefined) {
    keys = { secretKey, secretKeyFallbacks: [] };
    if (explicitKeys.size >= 16) explicitKeys.clear();
    explicitKeys.set(secretKey, keys);
  }
  return keys;
}
