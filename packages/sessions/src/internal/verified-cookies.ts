/**
 * A bounded memory of session cookies whose signature this process has already checked (or
 * written itself): a browser sends the same cookie on every request until the session changes,
 * and checking its HMAC again is most of what reading a cookie session costs.
 *
 * @module
 */
import { b62Decode } from '@reins/core/signing';
import { LRUCache } from 'lru-cache';

/** What a verified cookie holds: the session's JSON text and when it was signed. */
export interface VerifiedCookie {
  // The text, not the bytes: a hit then costs JSON.parse alone, no Latin-1 decoding.
  readonly json: string;
  /** Seconds since the epoch, from the cookie's own timestamp. */
  readonly timestamp: number;
}

/**
 * Cookies keyed by their whole text, signature included, so a hit can only be a value that was
 * verified or signed here: an altered cookie is a different key and goes through the HMAC.
 */
export class VerifiedCookies {
  readonly #cache: LRUCache<string, VerifiedCookie>;

  constructor(maxBytes: number) {
    this.#cache = new LRUCache<string, VerifiedCookie>({
      maxSize: maxBytes,
      // Two bytes per UTF-16 unit of the key, one per character of the ASCII JSON, and the entry's
      // own overhead.
      sizeCalculation: (value, key) => key.length * 2 + value.json.length + 64,
    });
  }

  get(cookie: string): VerifiedCookie | undefined {
    return this.#cache.get(cookie);
  }

  /** Remember `cookie`, written by a TimestampSigner with separator `sep`. */
  remember(cookie: string, json: string, sep: string): void {
    const end = cookie.lastIndexOf(sep);
    const start = cookie.lastIndexOf(sep, end - 1);
    if (start === -1) return;
    this.#cache.set(cookie, { json, timestamp: b62Decode(cookie.slice(start + sep.length, end)) });
  }

  forget(cookie: string): void {
    this.#cache.delete(cookie);
  }
}
