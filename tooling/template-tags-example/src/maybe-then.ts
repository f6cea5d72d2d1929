/**
 * Chain on a value that is a promise only when the template renders async, so a tag stays
 * synchronous under `render()` (a separate package would take `andThen` from `@reins/core`; this
 * one uses only `@reins/templates`).
 *
 * @module
 */
export function maybeThen<T, R>(
  value: T | Promise<T>,
  next: (value: T) => R | Promise<R>,
): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** All of `values`, as an array, or a promise of it when any is a promise. */
export function maybeAll(values: unknown[]): unknown[] | Promise<unknown[]> {
  return values.some((value) => value instanceof Promise) ? Promise.all(values) : values;
}
