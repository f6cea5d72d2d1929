/**
 * {@link SignedCookieStore}: Django's `signed_cookies` session backend — the data travels in the
 * cookie itself, signed (not encrypted), so nothing is kept on the server.
 *
 * @module
 */
import type { SecretKey } from '@reins/core/signing';
import { TimestampSigner } from '@reins/core/signing';
import type { SessionData, SessionStore } from './session-store.js';

// Django's signed_cookies backend signs with this salt, whatever the class is called.
const SALT = 'django.contrib.sessions.backends.signed_cookies';

/**
 * Options of {@link SignedCookieStore}.
 *
 * @example
 * const options: SignedCookieStoreOptions = { secretKey: settings.secretKey, maxAge: 1209600 };
 */
export interface SignedCookieStoreOptions {
  /** The project's `secretKey`. */
  secretKey: SecretKey;
  /** Older keys still accepted on load (`secretKeyFallbacks`); cookies are signed with `secretKey`. */
  fallbackKeys?: readonly SecretKey[] | undefined;
  /** Refuse cookies signed more than this many seconds ago (Django: `SESSION_COOKIE_AGE`). */
  maxAge: number;
}

/**
 * Django's `signed_cookies` session backend, byte-compatible: the cookie value is
 * `signing.dumps(data, salt='django.contrib.sessions.backends.signed_cookies', compress=True)`,
 * and a cookie older than `maxAge` seconds, tampered or garbage loads as `null`.
 *
 * @example
 * sessionMiddleware({ sessionStore: new SignedCookieStore({ secretKey, maxAge: 1209600 }) });
 */
export class SignedCookieStore implements SessionStore {
  readonly name: string = 'signed-cookie session store';
  readonly sync: boolean = true;
  // One signer for the store's life: the derived HMAC keys are computed once, not per request
  // (signing's own cache skips byte keys and fallback keys).
  readonly #signer: TimestampSigner;
  readonly #maxAge: number;

  constructor(options: SignedCookieStoreOptions) {
    this.#signer = new TimestampSigner({
      key: options.secretKey,
      fallbackKeys: options.fallbackKeys,
      salt: SALT,
    });
    this.#maxAge = options.maxAge;
  }

  load(sessionKey: string): SessionData | null {
    try {
      // Like Django, the cookie's own age limit, not a per-session setExpiry() (Django #19201).
      const value = this.#signer.unsignObject(sessionKey, { maxAge: this.#maxAge });
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as SessionData)
        : null;
    } catch {
      // BadSignature, SignatureExpired, bad base64, bad zlib, bad JSON: an empty session.
      return null;
    }
  }

  save(_sessionKey: string | null, data: SessionData): string {
    return this.#signer.signObject(data, { compress: true });
  }

  /** Always false: the key is the data, nothing is kept to look up (Django's `exists()`). */
  exists(): boolean {
    return false;
  }

  /** Nothing to delete on the server; the middleware deletes the cookie. */
  delete(): void {}

  /** Nothing to clear: the browser drops the cookie, `maxAge` refuses an old one. */
  clearExpired(): void {}
}
