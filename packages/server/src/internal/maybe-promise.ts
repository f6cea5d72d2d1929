/**
 * Helpers for code that is sync when everything under it is sync: the handler only creates a
 * promise when a view, middleware or hook actually returned one, so a fully sync request costs no
 * microtask hops.
 */

/** Whether `value` is a thenable (a promise from any realm or library). */
export function isThenable<T = unknown>(value: unknown): value is PromiseLike<T> {
  // No `instanceof Promise` first: on a response (the usual answer) it walks the prototype chain,
  // while the missing `then` is one cached property check.
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
