/**
 * @reins/sessions — Django's sessions for reins: `request.session`, `SessionMiddleware`, the
 * signed-cookie store and the store contract other stores implement.
 *
 * @example
 * import { SessionMiddleware } from '@reins/sessions';
 *
 * @module
 */
export { generateSessionKey, VALID_KEY_CHARS } from './generate-session-key.js';
export { decodeSessionData, encodeSessionData } from './session-data-codec.js';
export type { DecodeSessionDataOptions } from './session-data-codec.js';
export { UpdateError } from './session-store.js';
export type { SessionData, SessionSaveOptions, SessionStore } from './session-store.js';
export { SignedCookieStore } from './signed-cookie-store.js';
export type { SignedCookieStoreOptions } from './signed-cookie-store.js';
export {
  SessionCookieTooLarge,
  SessionInterrupted,
  SessionNotLoaded,
  SessionStoreError,
} from './session-errors.js';
export { SessionMiddleware, sessionMiddleware } from './session-middleware.js';
export type { SessionMiddlewareOptions } from './session-middleware.js';
export { Session } from './session.js';
export type { ExpiryOptions, SessionExpiry, SessionOptions } from './session.js';
export type {} from './request-session.js';
// The database and Redis stores (their drivers are optional peers, imported on first use).
export { DatabaseSessionStore } from './stores/database-session-store.js';
export type { DatabaseSessionStoreOptions } from './stores/database-session-store.js';
export { RedisSessionStore } from './stores/redis-session-store.js';
export type { RedisSessionStoreOptions } from './stores/redis-session-store.js';
export { sessionsMigrations } from './stores/sessions-migrations.js';
// The cache-backed stores take any cache of @reins/cache's shape (sessions cannot import it).
export type { SessionCache } from './stores/session-cache.js';
export { CacheSessionStore } from './stores/cache-session-store.js';
export type { CacheSessionStoreOptions } from './stores/cache-session-store.js';
export { CachedDbSessionStore } from './stores/cached-db-session-store.js';
export type {
  CachedDbSessionStoreOptions,
  SessionStoreWithExpiry,
} from './stores/cached-db-session-store.js';
