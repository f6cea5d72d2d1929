import { SessionStoreError } from '../../session-errors.js';

/**
 * The session package's {@link SessionStoreError} for a store's failure, with the message said in
 * full where "failed to <action> a session" would not fit (clearing expired sessions, a missing
 * table).
 */
export function storeError(
  store: string,
  action: string,
  cause: unknown,
  message?: string,
): SessionStoreError {
  const error = new SessionStoreError(store, action, cause);
  if (message !== undefined) error.message = message;
  return error;
}

/** The action of `clearExpired()`, which concerns no one session. */
export const CLEAR_EXPIRED = 'clear expired sessions';

/** The whole message for a failed `clearExpired()`; `undefined` for any other action. */
export function clearFailed(store: string, action: string, cause: unknown): string | undefined {
  if (action !== CLEAR_EXPIRED) return undefined;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return `The ${store} failed to clear expired sessions: ${reason}. Check that the store is running and reachable.`;
}

/** Run one store operation, turning any failure into a {@link SessionStoreError} naming the store. */
export async function guarded<T>(
  store: string,
  action: string,
  work: () => T | PromiseLike<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeError(store, action, error);
  }
}
