/**
 * The session-auth hash (Django's `get_session_auth_hash()`): an HMAC of the stored password
 * hash, kept in the session at login, so that changing the password ends every other session.
 *
 * @module
 */
import { constantTimeCompare, saltedHmac, type SecretKey } from '@reins/core/signing';

const KEY_SALT = 'django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash';

/**
 * Django 3.2's session-auth hash of a stored password: salted HMAC-SHA256, hex.
 *
 * @example
 * getSessionAuthHash(user.password, settings.secretKey); // '5f1c…' (64 hex digits)
 */
export function getSessionAuthHash(password: string, secretKey: SecretKey): string {
  return saltedHmac(KEY_SALT, password, secretKey, { algorithm: 'sha256' }).toString('hex');
}

/**
 * Whether a session's `_auth_user_hash` matches `password`: the SHA-256 hash, or Django 3.1's
 * SHA-1 one that 3.2 still accepts (`_legacy_get_session_auth_hash`).
 *
 * @example
 * verifySessionAuthHash(session.get('_auth_user_hash'), user.password, settings.secretKey);
 */
export function verifySessionAuthHash(
  sessionHash: unknown,
  password: string,
  secretKey: SecretKey,
): boolean {
  if (typeof sessionHash !== 'string' || sessionHash === '') return false;
  if (constantTimeCompare(sessionHash, getSessionAuthHash(password, secretKey))) return true;
  return constantTimeCompare(
    sessionHash,
    saltedHmac(KEY_SALT, password, secretKey).toString('hex'),
  );
}
