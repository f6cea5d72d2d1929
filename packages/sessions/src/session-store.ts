/**
 * The store contract: where sessions live. The signed-cookie store (the default), the database
 * and the Redis stores each implement {@link SessionStore} and run the shared contract suite
 * (`test/store-contract.ts`).
 *
 * @module
 */
import type { MaybePromise } from '@reins/core';
import { brandClass, defineBrand, ReinsError } from '@reins/core';

/**
 * A session's data: JSON-serialisable values by string key (Django's JSONSerializer).
 *
 * @example
 * const data: SessionData = { visits: 3, _session_expiry: 0 };
 */
export type SessionData = Record<string, unknown>;

/**
 * How long a saved session lives, given to {@link SessionStore.save}.
 *
 * @example
 * const options: SessionSaveOptions = { expireDate: new Date(Date.now() + 1209600e3), expiryAge: 1209600, mustCreate: false };
 */
export interface SessionSaveOptions {
  /** When the session expires (Django's `expire_date` column). */
  expireDate: Date;
  /** The same as seconds from now (a TTL for stores that expire by themselves). */
  expiryAge: number;
  /** Never overwrite an existing key: pick another (Django's `CreateError` loop). */
  mustCreate: boolean;
}

/**
 * Where sessions live. Bad input (missing/expired/tampered key) is `null`, never an error; an
 * outage throws.
 *
 * @example
 * const store: SessionStore = new SignedCookieStore({ secretKey: settings.secretKey, maxAge: 1209600 });
 */
export interface SessionStore {
  /** For error messages: 'signed-cookie session store', 'redis session store', … */
  readonly name: string;
  /** True when no method ever returns a promise (the cookie store): the middleware then stays sync. */
  readonly sync: boolean;
  load(sessionKey: string): MaybePromise<SessionData | null>;
  /**
   * Persist under `sessionKey` (or a fresh key when null) until `expireDate`; returns the key for
   * the cookie. With `mustCreate`, never overwrite an existing key: pick another (Django's
   * CreateError loop). Without `mustCreate`, a `sessionKey` that no longer exists (deleted by a
   * concurrent request, say a logout) throws {@link UpdateError} instead of bringing it back.
   */
  save(
    sessionKey: string | null,
    data: SessionData,
    options: { expireDate: Date; expiryAge: number; mustCreate: boolean },
  ): MaybePromise<string>;
  exists(sessionKey: string): MaybePromise<boolean>;
  delete(sessionKey: string): MaybePromise<void>;
  /** Remove expired sessions (`reins clearsessions`); stores that expire by themselves do nothing. */
  clearExpired(): MaybePromise<void>;
  close?(): MaybePromise<void>;
}

/**
 * Thrown by a store's `save()` without `mustCreate` when the key no longer exists (Django's
 * `UpdateError`): the session was deleted while this request ran, so it must not be recreated.
 * The middleware turns it into a 400 (Django's `SessionInterrupted`).
 *
 * @example
 * if (!(await exists(key))) throw new UpdateError('redis session store', key);
 */
export class UpdateError extends ReinsError {
  static override readonly brand: symbol = defineBrand('sessions.UpdateError');
  override readonly code: string = 'sessions.update_error';

  constructor(
    /** The store's `name`. */
    readonly store: string,
    sessionKey: string,
  ) {
    super(
      `The ${store} has no session '${sessionKey.slice(0, 8)}…' to update: it was deleted while the request ran (a logout in another tab, or clearsessions). It is not recreated.`,
    );
  }
}
brandClass(UpdateError);
