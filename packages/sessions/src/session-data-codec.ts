/**
 * Django 3.2's `SessionBase.encode()`/`decode()`: the `session_data` text of a `django_session`
 * row (or a cache entry), so Django and reins read each other's rows.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import type { SecretKey } from '@reins/core/signing';
import { constantTimeCompare, dumps, JSONSerializer, loads, saltedHmac } from '@reins/core/signing';
import type { SessionData } from './session-store.js';

// 'django.contrib.sessions.' + SessionStore.__qualname__ (the db, cache and cached_db backends).
const SALT = 'django.contrib.sessions.SessionStore';
// Before Django 3.1: "django.contrib.sessions" + __name__, no dot.
const LEGACY_SALT = 'django.contrib.sessionsSessionStore';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Options of {@link decodeSessionData}.
 *
 * @example
 * decodeSessionData(row.session_data, settings.secretKey, { fallbackKeys: ['old key'] });
 */
export interface DecodeSessionDataOptions {
  /** Older secret keys still accepted (`secretKeyFallbacks`). */
  fallbackKeys?: readonly SecretKey[] | undefined;
}

/**
 * Django 3.2's `SessionBase.encode()`: `signing.dumps(data, salt='django.contrib.sessions.SessionStore', compress=True)`.
 *
 * @example
 * encodeSessionData({ visits: 1 }, settings.secretKey); // '.eJyrVirLLC4…:1kq…:…'
 */
export function encodeSessionData(data: SessionData, secretKey: SecretKey): string {
  return dumps(data, { key: secretKey, salt: SALT, compress: true });
}

/**
 * Django 3.2's `SessionBase.decode()`: the data of a `session_data` text, also in the pre-3.1
 * format (`base64(sha1-hex ':' json)`). Corrupted or tampered text is an empty session (`{}`),
 * as in Django, never an error.
 *
 * @example
 * decodeSessionData(row.session_data, settings.secretKey); // { visits: 1 }
 */
export function decodeSessionData(
  text: string,
  secretKey: SecretKey,
  options: DecodeSessionDataOptions = {},
): SessionData {
  try {
    const value = loads(text, { key: secretKey, salt: SALT, fallbackKeys: options.fallbackKeys });
    return isData(value) ? value : {};
  } catch {
    return legacyDecode(text, [secretKey, ...(options.fallbackKeys ?? [])]);
  }
}

function legacyDecode(text: string, keys: readonly SecretKey[]): SessionData {
  if (!BASE64.test(text)) return {};
  const bytes = Buffer.from(text, 'base64');
  const colon = bytes.indexOf(0x3a);
  if (colon < 0) return {};
  const hash = bytes.subarray(0, colon).toString('latin1');
  const serialized = bytes.subarray(colon + 1);
  for (const key of keys) {
    const expected = saltedHmac(LEGACY_SALT, serialized, key, { algorithm: 'sha1' }).toString(
      'hex',
    );
    if (constantTimeCompare(hash, expected)) {
      try {
        const value = JSONSerializer.loads(serialized);
        return isData(value) ? value : {};
      } catch {
        return {};
      }
    }
  }
  return {};
}

function isData(value: unknown): value is SessionData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
