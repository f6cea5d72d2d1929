/**
 * {@link markAsync}: Django's `markcoroutinefunction`. With the default `requestContext: 'auto'`,
 * the handler carries the request context across awaits only into code it knows awaits: `async`
 * functions, class-based views with `async` handlers, and functions marked here.
 */

/** The marker `markAsync()` sets; any package can set or read it without importing this one. */
export const ASYNC_MARK: unique symbol = Symbol.for('reins.async') as never;

/**
 * Mark a view, middleware handler or hook that is not declared `async` but returns a promise, so
 * code after its awaits still sees the request (`getCurrentRequest()`, the request's `reverse()`).
 * Returns the same function.
 *
 * @example
 * const latest = markAsync((request) => db.latest().then((rows) => render(request, 'list.html', { rows })));
 * path('latest/', latest);
 */
export function markAsync<F extends (...args: never[]) => unknown>(fn: F): F {
  if (typeof fn !== 'function') {
    throw new TypeError(`markAsync() takes a function, got ${typeof fn}.`);
  }
  Object.defineProperty(fn, ASYNC_MARK, { value: true, configurable: true });
  return fn;
}
