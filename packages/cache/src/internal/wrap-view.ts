/**
 * Decorating a view as Django's `functools.wraps` does: a new function calling the original, with
 * its name and marker properties (`csrfExempt`…), so decorators stack in any order.
 */
export function wrapView<View extends (...args: never[]) => unknown>(
  view: View,
  around: (call: () => unknown, args: readonly unknown[]) => unknown,
): View {
  if (typeof view !== 'function') {
    throw new TypeError(`A view decorator needs a view function, got ${String(view)}.`);
  }
  const wrapped = function (this: unknown, ...args: Parameters<View>) {
    return around(() => view.apply(this, args), args);
  } as unknown as View;
  Object.assign(wrapped, view);
  Object.defineProperty(wrapped, 'name', { value: view.name, configurable: true });
  return wrapped;
}
