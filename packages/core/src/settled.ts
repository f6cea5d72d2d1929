/**
 * Settled promises whose value can be read synchronously: a function whose contract returns a
 * promise (`render()` of @reins/shortcuts) but that finished synchronously hands back
 * {@link settled}`(value)`, and a caller that can continue synchronously (the request lifecycle)
 * reads the value with {@link settledValue} instead of waiting a microtask for it. Anyone else
 * sees an ordinary promise.
 *
 * @module
 */

import { isThenable } from './maybe-promise.js';

// Symbol.for: the producer and the reader may live in different copies of this package.
const VALUE: unique symbol = Symbol.for('reins.settledValue') as never;

/** What {@link settledValue} answers for a promise not made by {@link settled}. */
export const NOT_SETTLED: unique symbol = Symbol('reins.notSettled');

/**
 * A promise resolved with `value`, which {@link settledValue} reads back synchronously.
 *
 * @example
 * const promise = settled(42); // await promise === 42, settledValue(promise) === 42
 */
export function settled<T>(value: T): Promise<T> {
  const promise = Promise.resolve(value);
  // A thenable is adopted, not the value: such a promise is an ordinary one.
  if (!isThenable(value)) (promise as { [VALUE]?: T })[VALUE] = value;
  return promise;
}

/**
 * The value of a promise made by {@link settled}, or {@link NOT_SETTLED} for any other value.
 *
 * @example
 * const value = settledValue(promise);
 * if (value !== NOT_SETTLED) use(value); else promise.then(use);
 */
export function settledValue(promise: PromiseLike<unknown>): unknown {
  const value = (promise as { [VALUE]?: unknown })[VALUE];
  return value === undefined && !(VALUE in promise) ? NOT_SETTLED : value;
}
