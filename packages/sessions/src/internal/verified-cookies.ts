/**
 * A bounded memory of session cookies whose signature this process has already checked (or
 * written itself): a browser sends the same cookie on every request until the session changes,
 * and checking its HMAC again is most of what reading a cookie session costs.
 *
 * @module
 */
import { b62Decode } from '@reins/core/signing';
import { LRUCache } from 'lru-cache';
import type { SessionData } from '../session-store.js';

/** What a verified cookie holds: the session's JSON text and when it was signed. */
export interface VerifiedCookie {
  // The text, not the bytes: a hit without a snapshot then costs JSON.parse alone, no Latin-1
  // decoding.
  readonly json: string;
  /** The data as an object to copy instead of parsing `json`, when flatSnapshot() gave one. */
  readonly snapshot: SessionData | undefined;
  /** Seconds since the epoch, from the cookie's own timestamp. */
  readonly timestamp: number;
}

// An entry keeps the whole cookie: only the signature is hashed to find it, and a hit must be
// the same text.
interface Entry extends VerifiedCookie {
  readonly cookie: string;
}

/**
 * Cookies found by their signature and matched on their whole text, so a hit can only be a
 * value that was verified or signed here: an altered cookie is a different text (or a different
 * signature) and goes through the HMAC. Keyed by the signature, not the whole cookie, because a
 * Map hashes its key on every lookup of a new string, and a cookie's signature is 43 characters
 * of its several hundred.
 */
export class VerifiedCookies {
  readonly #cache: LRUCache<string, Entry>;
  readonly #sep: string;

  /** `maxBytes` of memory for cookies written by a TimestampSigner with separator `sep`. */
  constructor(maxBytes: number, sep: string) {
    this.#sep = sep;
    this.#cache = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      // Two bytes per UTF-16 unit of the cookie, one per character of the ASCII JSON, and the
      // entry's own overhead (the key is a slice of the cookie); a snapshot about as much again
      // as the JSON (its strings are the JSON's, unescaped).
      sizeCalculation: (value) =>
        value.cookie.length * 2 +
        value.json.length * (value.snapshot === undefined ? 1 : 2) +
        (value.snapshot === undefined ? 64 : 128),
    });
  }

  get(cookie: string): VerifiedCookie | undefined {
    const entry = this.#cache.get(this.#signature(cookie));
    return entry !== undefined && entry.cookie === cookie ? entry : undefined;
  }

  /** Remember `cookie`, the JSON it holds and that data's flatSnapshot(). */
  remember(cookie: string, json: string, snapshot: SessionData | undefined): void {
    const sep = this.#sep;
    const end = cookie.lastIndexOf(sep);
    const start = cookie.lastIndexOf(sep, end - 1);
    if (start === -1) return;
    this.#cache.set(cookie.slice(end + sep.length), {
      cookie,
      json,
      snapshot,
      timestamp: b62Decode(cookie.slice(start + sep.length, end)),
    });
  }

  forget(cookie: string): void {
    const key = this.#signature(cookie);
    if (this.#cache.peek(key)?.cookie === cookie) this.#cache.delete(key);
  }

  #signature(cookie: string): string {
    return cookie.slice(cookie.lastIndexOf(this.#sep) + this.#sep.length);
  }
}
