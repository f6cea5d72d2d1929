/**
 * Decorating a view the way Django's `functools.wraps` does: a new function that calls the
 * original, keeps its name and copies its marker properties (`csrfExempt`, `shouldAppendSlash`…),
 * so decorators stack in any order and the original view is never mutated. Shared by the view
 * decorators of `@reins/middleware` and `@reins/cache`.
 *
 * @module
 */

/**
 * Wrap `view`, copying its name and own properties, then apply `markers` to the wrapper; `around`
 * runs instead of the call, with a thunk that calls the original.
 *
 * @example
 * const logged = wrapView(view, {}, (call) => { console.log('before'); return call(); });
 */
export function wrapView<View extends (...args: never[]) => unknown>(
  view: View,
  markers: Record<string, unknown>,
  around?: (call: () => unknown, args: readonly unknown[]) => unknown,
): View {
  if (typeof view !== 'function') {
    throw new TypeError(`A view decorator needs a view function, got ${String(view)}.`);
  }
  const wrapped = function (this: unknown, ...args: Parameters<View>) {
    return around ? around(() => view.apply(this, args), args) : view.apply(this, args);
  } as unknown as View;
  Object.assign(wrapped, view, markers);
  Object.defineProperty(wrapped, 'name', { value: view.name, configurable: true });
  return wrapped;
}
