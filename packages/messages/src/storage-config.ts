/**
 * {@link MessageStorageConfig}: what a message storage is built with, resolved once at start-up
 * by `MessageMiddleware` from the project settings (Django reads them from `settings`).
 *
 * @module
 */
import type { SecretKey } from '@reins/core/signing';
import { DEFAULT_TAGS, INFO } from './constants.js';

/**
 * The settings a storage reads: the minimum level, the level tags, the secret key that signs the
 * cookie and the session cookie's attributes the messages cookie shares.
 *
 * @example
 * const config: MessageStorageConfig = { ...defaultStorageConfig, secretKey: settings.secretKey };
 */
export interface MessageStorageConfig {
  /** Messages below this level are dropped (`MESSAGE_LEVEL`). */
  readonly level: number;
  /** The tag of each level (`DEFAULT_TAGS` merged with `MESSAGE_TAGS`). */
  readonly levelTags: Readonly<Record<number, string>>;
  /** Signs the messages cookie (`SECRET_KEY`); only the cookie storage needs it. */
  readonly secretKey: SecretKey | null;
  /** Older keys whose cookies are still read (`SECRET_KEY_FALLBACKS`). */
  readonly secretKeyFallbacks: readonly SecretKey[];
  /** `SESSION_COOKIE_DOMAIN`, also the messages cookie's. */
  readonly cookieDomain: string | null;
  /** `SESSION_COOKIE_SECURE`, also the messages cookie's. */
  readonly cookieSecure: boolean;
  /** `SESSION_COOKIE_HTTPONLY`, also the messages cookie's. */
  readonly cookieHttpOnly: boolean;
  /** `SESSION_COOKIE_SAMESITE`, also the messages cookie's. */
  readonly cookieSameSite: string | null;
}

/**
 * Django's defaults, without a secret key.
 *
 * @example
 * new CookieStorage(request, { ...defaultStorageConfig, secretKey: 'a long random key' });
 */
export const defaultStorageConfig: MessageStorageConfig = Object.freeze({
  level: INFO,
  levelTags: DEFAULT_TAGS,
  secretKey: null,
  secretKeyFallbacks: [],
  cookieDomain: null,
  cookieSecure: false,
  cookieHttpOnly: true,
  cookieSameSite: 'Lax',
});
