/**
 * `withTimeout()`: a promise that settles like the given one, or rejects once a time limit
 * passes first — the bound every wait on a server (Redis, a database) needs.
 *
 * @module
 */

/**
 * Settle as `promise` does, or reject with `onTimeout()` after `ms` milliseconds, whichever comes
 * first; the timer is cleared either way, so it never keeps the process alive.
 *
 * @example
 * await withTimeout(client.connect(), 1000, () => new Error('no connection within 1000 ms'));
 */
export async function withTimeout<T>(
  promise: PromiseLike<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
