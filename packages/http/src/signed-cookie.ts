/**
 * Signed cookies (Django's `HttpResponse.set_signed_cookie()` and
 * `HttpRequest.get_signed_cookie()`): the options of both, and the reading side's logic.
 *
 * @module
 */
import { ReinsError, brandClass, defineBrand } from '@reins/core';
import { BadSignature } from '@reins/core/signing';
import type { MaxAge, SecretKey } from '@reins/core/signing';
import { getCookieSigner, type CookieSigningKeys } from './internal/cookie-signer.js';
import type { SetCookieOptions } from './http-response.js';

/** Options of `setSignedCookie()`: `setCookie()`'s, plus the salt and (rarely) the key. */
export interface SetSignedCookieOptions extends SetCookieOptions {
  /** Added to the cookie name to salt the signature; `getSignedCookie()` needs the same. Default `''`. */
  salt?: string;
  /** Sign with this key instead of the current request's `secretKey` setting. */
  secretKey?: SecretKey;
}

/** Options of `getSignedCookie()`. */
export interface GetSignedCookieOptions {
  /** The salt `setSignedCookie()` used. Default `''`. */
  salt?: string;
  /** Refuse a cookie signed longer ago than this many seconds (`SignatureExpired`, or the default). */
  maxAge?: MaxAge | null;
  /** Verify with this key instead of the request's `secretKey` setting. */
  secretKey?: SecretKey;
}

/**
 * Thrown by `getSignedCookie()` without a `default` when the cookie is absent (Django raises
 * Python's `KeyError` there).
 *
 * @example
 * try { request.getSignedCookie('cart'); } catch (error) { if (KeyError.isInstance(error)) … }
 */
export class KeyError extends ReinsError {
  static override readonly brand: symbol = defineBrand('KeyError');
  override readonly code: string = 'http.key_error';
  /** The key that was missing. */
  readonly key: string;

  constructor(key: string, message: string) {
    super(message);
    this.key = key;
  }
}
brandClass(KeyError);

/** Django's `get_signed_cookie()` over a request's cookies and signing keys. */
export function readSignedCookie(
  cookies: Record<string, string>,
  keys: CookieSigningKeys,
  name: string,
  options: GetSignedCookieOptions & { default?: unknown },
): unknown {
  const hasDefault = 'default' in options;
  if (!Object.hasOwn(cookies, name)) {
    if (hasDefault) return options.default;
    throw new KeyError(
      name,
      `No cookie named '${name}'. Pass { default } to getSignedCookie() to get a value instead of this error.`,
    );
  }
  try {
    return getCookieSigner(keys, name + (options.salt ?? '')).unsign(cookies[name]!, {
      maxAge: options.maxAge ?? null,
    });
  } catch (error) {
    if (hasDefault && BadSignature.isInstance(error)) return options.default;
    throw error;
  }
}
