/**
 * {@link CookieStorage}: messages in a signed, compressed cookie, Django 3.2's format exactly —
 * a Django site and a reins site on one secret key read each other's `messages` cookie.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { ImproperlyConfigured } from '@reins/core';
import type { SecretKey } from '@reins/core/signing';
import {
  b64Encode,
  BadSignature,
  constantTimeCompare,
  saltedHmac,
  TimestampSigner,
} from '@reins/core/signing';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import pako from 'pako';
import { BaseStorage, type StoredMessages } from './base-storage.js';
import { decodeJson, messageSerializer, NOT_FINISHED } from './internal/message-codec.js';
import { Message } from './message.js';
import type { MessageStorageConfig } from './storage-config.js';

/** From this share of `maxCookieSize` on, the cookie is deflated as Python's zlib does. */
const EXACT_FROM = 0.8;

// Django's sign_object(compress=True): deflated when that is shorter by more than a byte.
function compressedPayload(data: Uint8Array, deflate: (data: Uint8Array) => Uint8Array): string {
  const compressed = deflate(data);
  return compressed.length < data.length - 1 ? '.' + b64Encode(compressed) : b64Encode(data);
}

// Django's get_cookie_signer(): settings.SIGNING_BACKEND (a TimestampSigner) keyed with
// b'django.http.cookies' + SECRET_KEY.
function cookieKey(key: SecretKey): SecretKey {
  return typeof key === 'string'
    ? 'django.http.cookies' + key
    : Buffer.concat([Buffer.from('django.http.cookies'), key]);
}

// A storage is built for every request: the signer (its HMAC key derivation) once per config.
const signers = new WeakMap<MessageStorageConfig, Map<string, TimestampSigner>>();

function signerFor(config: MessageStorageConfig, salt: string): TimestampSigner {
  let bySalt = signers.get(config);
  if (bySalt === undefined) signers.set(config, (bySalt = new Map<string, TimestampSigner>()));
  let signer = bySalt.get(salt);
  if (signer === undefined) {
    signer = new TimestampSigner({
      key: cookieKey(config.secretKey!),
      fallbackKeys: config.secretKeyFallbacks.map(cookieKey),
      salt,
    });
    bySalt.set(salt, signer);
  }
  return signer;
}

/**
 * Messages in the `messages` cookie: signed with the secret key (salt
 * `'django.contrib.messages'`), zlib-compressed when that is shorter, at most 2048 bytes — when
 * they do not fit, the oldest are dropped (or, under `FallbackStorage`, handed on to the session)
 * and the not-finished sentinel is stored last. Reads Django 3.2's format and the two it still
 * accepts (3.1's unencoded JSON, and before 3.1 a SHA-1 `hash$json`).
 *
 * @example
 * messageMiddleware({ messageStorage: CookieStorage });
 */
export class CookieStorage extends BaseStorage {
  /** The cookie's name (Django's `cookie_name`). */
  cookieName = 'messages';
  /**
   * The largest value stored, in bytes: half of uwsgi's 4 KB header limit, leaving room for other
   * cookies (Django's `max_cookie_size`, #18781). `0` for no limit.
   */
  maxCookieSize = 2048;
  /** The signing salt (Django's `key_salt`). */
  readonly keySalt: string = 'django.contrib.messages';
  #signerCache: TimestampSigner | undefined;

  // Lazily: a subclass's own keySalt is set only after this constructor ran.
  get #signer(): TimestampSigner {
    return (this.#signerCache ??= signerFor(this.config, this.keySalt));
  }

  constructor(request: HttpRequest, config?: MessageStorageConfig) {
    super(request, config);
    const key = this.config.secretKey;
    if (key === null || key.length === 0) {
      throw new ImproperlyConfigured(
        `The messages cookie storage needs the 'secretKey' setting: it signs the messages cookie. Set secretKey in the settings (from an environment variable), or use messageStorage: SessionStorage.`,
        { setting: 'secretKey', code: 'messages.no_secret_key' },
      );
    }
  }

  _get(): StoredMessages {
    const cookies = this.request.COOKIES;
    const data = Object.hasOwn(cookies, this.cookieName) ? cookies[this.cookieName] : undefined;
    const messages = this._decode(data);
    const allRetrieved = !(messages !== null && messages.at(-1) === NOT_FINISHED);
    if (messages !== null && !allRetrieved) messages.pop();
    return [messages as Message[] | null, allRetrieved];
  }

  _store(
    messages: Message[],
    response: HttpResponseBase,
    options: { removeOldest?: boolean } = {},
  ): Message[] {
    const removeOldest = options.removeOldest ?? true;
    const remaining = [...messages];
    const unstored: Message[] = [];
    let encoded = this._encode(remaining);
    // The value is URL-safe base64 and ':' only, which a cookie carries unquoted: its stored
    // length is its length (Django measures SimpleCookie's value_encode()).
    if (this.maxCookieSize) {
      while (encoded !== null && encoded.length > this.maxCookieSize) {
        if (removeOldest) unstored.push(remaining.shift()!);
        else unstored.unshift(remaining.pop()!);
        encoded = this._encode([...remaining, NOT_FINISHED], unstored.length > 0);
      }
    }
    this.#updateCookie(encoded, response);
    return unstored;
  }

  /**
   * The cookie value for `messages` (Django's `_encode()`), or `null` for none unless
   * `encodeEmpty`.
   */
  _encode(
    messages: readonly (Message | typeof NOT_FINISHED)[],
    encodeEmpty = false,
  ): string | null {
    if (messages.length === 0 && !encodeEmpty) return null;
    const data = messageSerializer(this.config.levelTags).dumps(messages);
    const signed = this.#signer.sign(compressedPayload(data, deflateSync));
    // node:zlib is Chromium's zlib: its streams may differ in length from those of the zlib
    // Python links (by up to 114 bytes in 325 measured payloads). Near the size limit, where
    // that could move the cut to another message, deflate again with pako, a port of that zlib,
    // so the cut — and the cookie — are Django's byte for byte. pako is ~7× slower, so only there.
    if (this.maxCookieSize && signed.length > this.maxCookieSize * EXACT_FROM) {
      return this.#signer.sign(compressedPayload(data, pako.deflate));
    }
    return signed;
  }

  /**
   * The messages in a cookie value (Django's `_decode()`), or `null` — and the storage marked
   * used, so the bad cookie is deleted — when it is tampered or malformed.
   */
  _decode(data: string | undefined): (Message | typeof NOT_FINISHED)[] | null {
    if (!data) return null;
    const levelTags = this.config.levelTags;
    let decoded: unknown;
    let raw: string | null = null;
    try {
      decoded = this.#signer.unsignObject(data, { serializer: messageSerializer(levelTags) });
    } catch (error) {
      // Django 3.2 still reads the formats of 3.0 (a SHA-1 hash, '$', the JSON) and of 3.1
      // (the JSON signed as it is, not base64).
      raw = BadSignature.isInstance(error) ? this.#legacyDecode(data) : this.#unsigned(data);
    }
    if (raw !== null) {
      try {
        decoded = decodeJson(raw, levelTags);
      } catch {
        decoded = undefined;
      }
    }
    if (
      Array.isArray(decoded) &&
      decoded.every((item) => item instanceof Message || item === NOT_FINISHED)
    ) {
      return decoded as (Message | typeof NOT_FINISHED)[];
    }
    this.used = true;
    return null;
  }

  #unsigned(data: string): string | null {
    try {
      return this.#signer.unsign(data);
    } catch {
      return null;
    }
  }

  #legacyDecode(data: string): string | null {
    const at = data.indexOf('$');
    if (at === -1) return null;
    const hash = data.slice(0, at);
    const value = data.slice(at + 1);
    for (const key of [this.config.secretKey!, ...this.config.secretKeyFallbacks]) {
      const expected = saltedHmac('django.contrib.messages', value, key, { algorithm: 'sha1' });
      if (constantTimeCompare(hash, expected.toString('hex'))) return value;
    }
    return null;
  }

  #updateCookie(encoded: string | null, response: HttpResponseBase): void {
    const { cookieDomain, cookieSecure, cookieHttpOnly, cookieSameSite } = this.config;
    if (encoded) {
      response.setCookie(this.cookieName, encoded, {
        domain: cookieDomain,
        secure: cookieSecure,
        httpOnly: cookieHttpOnly,
        sameSite: cookieSameSite,
      });
    } else {
      response.deleteCookie(this.cookieName, { domain: cookieDomain, sameSite: cookieSameSite });
    }
  }
}
