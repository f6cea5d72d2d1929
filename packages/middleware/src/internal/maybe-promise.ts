/**
// Never export a function named `then`: an ES module namespace with one is a thenable, and
// `await import()` of it would call it.
 * The sync fast path: middleware only pays for a promise when the inner chain handed it one.
 * `andThen(value, fn)` applies `fn` at once to a plain value and chains it onto a promise.
 */
import type { MaybePromise } from '../middleware.js';

/** True for a promise or any thenable (a foreign promise implementation included). */
export function isPromiseLike<T>(value: MaybePromise<T> | PromiseLike<T>): value is PromiseLike<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Apply `fn` to `value` now if it is plain, or when it settles if it is a promise. */
export function andThen<T, R>(
  value: MaybePromise<T>,
  fn: (resolved: T) => MaybePromise<R>,
): MaybePromise<R> {
  if (isPromiseLike(value)) return Promise.resolve(value).then(fn);
  return fn(value);
}
