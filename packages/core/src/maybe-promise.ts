/**
 * Maybe-promises: code that is sync when everything under it is sync. The handler, middleware and
 * templates only create a promise when something they call returned one, so a fully sync request
 * costs no microtask hops.
 *
 * Never export a function named `then`: an ES module namespace with one is a thenable, and
 * `await import()` of it would call it.
 *
 * @module
 */

/**
 * A value, or a promise of it.
 *
 * @example
 * const view = (): MaybePromise<string> => 'ok';
 */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Whether `value` is a thenable (a promise from any realm or library): an object or function with
 * a callable `then`, as the Promise resolution procedure defines it.
 *
 * @example
 * isThenable(Promise.resolve(1)); // true
 * isThenable(1); // false
 */
export function isThenable<T = unknown>(value: unknown): value is PromiseLike<T> {
  // No `instanceof Promise` first: on a response (the usual answer) it walks the prototype chain,
  // while the missing `then` is one cached property check.
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Apply `fn` to `value` now if it is plain, or when it settles if it is a thenable.
 *
 * @example
 * andThen(1, (n) => n + 1); // 2
 * await andThen(Promise.resolve(1), (n) => n + 1); // 2
 */
export function andThen<T, R>(
  value: T | PromiseLike<T>,
  fn: (resolved: T) => R | PromiseLike<R>,
): R | Promise<R> {
  if (isThenable<T>(value)) return Promise.resolve(value).then(fn);
  return fn(value) as R | Promise<R>;
}
