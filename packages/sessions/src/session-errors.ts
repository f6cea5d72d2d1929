/**
 * The errors a session raises on its own: a store that failed (a 500 naming the store), a session
 * deleted while the request ran (Django's `SessionInterrupted`, a 400), a session read before an
 * explicit `load()`, and a cookie too large for browsers.
 *
 * @module
 */
import { brandClass, defineBrand, ReinsError } from '@reins/core';
import { BadRequest } from '@reins/http';

/**
 * A session store failed (an outage, a timeout): the request becomes a 500 whose logged message
 * names the store, instead of a silent logout.
 *
 * @example
 * if (SessionStoreError.isInstance(error)) console.error(error.store, error.cause);
 */
export class SessionStoreError extends ReinsError {
  static override readonly brand: symbol = defineBrand('sessions.SessionStoreError');
  override readonly code: string = 'sessions.store_error';
  override readonly status: number = 500;

  constructor(
    /** The store's `name`. */
    readonly store: string,
    /** What failed: `'load'`, `'save'`, `'delete'`… */
    readonly action: string,
    cause: unknown,
  ) {
    super(
      `The ${store} failed to ${action} a session: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        `Check that the store is running and reachable (the request fails rather than logging the visitor out).`,
      { cause },
    );
  }
}
brandClass(SessionStoreError);

/**
 * The session was deleted while this request ran (a logout in another tab), so saving it would
 * bring it back (Django's `SessionInterrupted`, a 400).
 *
 * @example
 * SessionInterrupted.isInstance(error); // a concurrent logout
 */
export class SessionInterrupted extends BadRequest {
  static override readonly brand: symbol = defineBrand('sessions.SessionInterrupted');
  override readonly code: string = 'sessions.session_interrupted';

  constructor(options?: { cause?: unknown }) {
    super(
      "The request's session was deleted before the request completed. The user may have logged out in a concurrent request, for example.",
      options,
    );
  }
}
brandClass(SessionInterrupted);

/**
 * `request.session` was read before its data was loaded: with `load: 'explicit'` (or an async
 * store used outside `SessionMiddleware`) call `await request.session.load()` first.
 *
 * @example
 * SessionNotLoaded.isInstance(error);
 */
export class SessionNotLoaded extends ReinsError {
  static override readonly brand: symbol = defineBrand('sessions.SessionNotLoaded');
  override readonly code: string = 'sessions.not_loaded';

  constructor(store: string, explicit: boolean) {
    super(
      explicit
        ? `request.session was used before it was loaded: with SessionMiddleware's load: 'explicit', call \`await request.session.load()\` in the view before reading or writing it (the ${store} is only asked when you do).`
        : `request.session was used before it was loaded from the ${store}, which is asynchronous: call \`await request.session.load()\` first (SessionMiddleware does it before the view for a request with a session cookie).`,
    );
  }
}
brandClass(SessionNotLoaded);

/**
 * The session cookie would be larger than the 4,093 bytes browsers keep, so they would drop it
 * and the visitor would lose the session silently; raised at write time instead (a 500).
 *
 * @example
 * SessionCookieTooLarge.isInstance(error);
 */
export class SessionCookieTooLarge extends ReinsError {
  static override readonly brand: symbol = defineBrand('sessions.SessionCookieTooLarge');
  override readonly code: string = 'sessions.cookie_too_large';
  override readonly status: number = 500;

  constructor(cookieName: string, size: number, store: string) {
    super(
      `The session cookie '${cookieName}' would be ${size} bytes, over the 4093 bytes browsers keep (they would drop it and log the visitor out): the ${store} keeps the whole session in the cookie. ` +
        `Store less in request.session (ids rather than objects), or set 'sessionStore' to a server-side store (database or Redis).`,
    );
  }
}
brandClass(SessionCookieTooLarge);
