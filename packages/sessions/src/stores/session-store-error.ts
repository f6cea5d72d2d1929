/**
 * `SessionStoreError`: a session store could not be reached or answered with an error (an outage,
 * a missing table). It names the store, so the 500 it becomes says where to look.
 *
 * @module
 */
import { brandClass, defineBrand, ReinsError } from '@reins/core';

/**
 * A session store failed: its server is down, timed out, or refused the query. Never thrown for
 * a missing, expired or tampered session (those load as `null`).
 *
 * @example
 * try { await store.load(key); } catch (error) { if (SessionStoreError.isInstance(error)) console.error(error.store); }
 */
export class SessionStoreError extends ReinsError {
  static override readonly brand: symbol = defineBrand('sessions.SessionStoreError');
  override readonly code: string = 'sessions.store_error';
  override readonly status: number = 500;

  constructor(
    /** The store's `name`, e.g. 'redis session store'. */
    readonly store: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
brandClass(SessionStoreError);
