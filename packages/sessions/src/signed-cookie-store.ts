/**
 * {@link SignedCookieStore}: Django's `signed_cookies` session backend — the data travels in the
 * cookie itself, signed (not encrypted), so nothing is kept on the server.
 *
 * @module
 */
import type { SecretKey } from '@reins/core/signing';
import { Buffer } from 'node:buffer';
import { pythonJsonDumps, pythonJsonLoads, TimestampSigner } from '@reins/core/signing';
import { flatSnapshot } from './internal/flat-snapshot.js';
import { VerifiedCookies } from './internal/verified-cookies.js';
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
  /**
   * Try zlib on each cookie and keep it when it is shorter, as Django does (default `true`).
   * `false` skips the attempt (a few µs per write); Django reads both forms.
   */
  compress?: boolean | undefined;
  /**
   * Bytes of memory for cookies already verified or written by this process, so a browser
   * sending the same cookie again costs no HMAC (default 4 MiB; `0` turns it off).
   */
  verifiedCacheBytes?: number | undefined;
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
  readonly #compress: boolean;
  readonly #verified: VerifiedCookies | null;

  constructor(options: SignedCookieStoreOptions) {
    this.#signer = new TimestampSigner({
      key: options.secretKey,
      fallbackKeys: options.fallbackKeys,
      salt: SALT,
    });
    this.#maxAge = options.maxAge;
    this.#compress = options.compress ?? true;
    const cacheBytes = options.verifiedCacheBytes ?? 4 * 1024 * 1024;
    if (!Number.isSafeInteger(cacheBytes) || cacheBytes < 0) {
      throw new RangeError(
        `SignedCookieStore's verifiedCacheBytes must be a whole number of bytes, 0 or more; got ${String(cacheBytes)}.`,
      );
    }
    this.#verified = cacheBytes === 0 ? null : new VerifiedCookies(cacheBytes, this.#signer.sep);
  }

  load(sessionKey: string): SessionData | null {
    const known = this.#verified?.get(sessionKey);
    if (known !== undefined) {
      // The signature was checked when the entry was made; the age limit moves with the clock.
      if (Date.now() / 1000 - known.timestamp > this.#maxAge) {
        this.#verified!.forget(sessionKey);
        return null;
      }
      // A copy each time: the session changes the object it is given.
      return known.snapshot !== undefined
        ? { ...known.snapshot }
        : asSessionData(pythonJsonLoads(known.json));
    }
    try {
      // Like Django, the cookie's own age limit, not a per-session setExpiry() (Django #19201).
      const bytes = this.#signer.payloadBytes(
        this.#signer.unsign(sessionKey, { maxAge: this.#maxAge }),
      );
      // Django's JSONSerializer.loads: the bytes as Latin-1 text, then Python's json.loads.
      const json = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      const data = asSessionData(pythonJsonLoads(json));
      if (data !== null) this.#verified?.remember(sessionKey, json, this.#snapshot(data));
      return data;
    } catch {
      // BadSignature, SignatureExpired, bad base64, bad zlib, bad JSON: an empty session.
      return null;
    }
  }

  save(_sessionKey: string | null, data: SessionData): string {
    // Django's JSONSerializer.dumps, keeping the text for the verified-cookie memory.
    const json = pythonJsonDumps(data);
    const cookie = this.#signer.signPayload(json, { compress: this.#compress });
    this.#verified?.remember(cookie, json, this.#snapshot(data));
    return cookie;
  }

  #snapshot(data: SessionData): SessionData | undefined {
    return this.#verified === null ? undefined : flatSnapshot(data);
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

function asSessionData(value: unknown): SessionData | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as SessionData)
    : null;
}
