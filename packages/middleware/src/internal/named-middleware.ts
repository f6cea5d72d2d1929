/**
 * Django's class-like names for the built-ins (`CommonMiddleware`, `SecurityMiddleware`, …): a
 * middleware with default options that also offers `.with(options)` for configured copies.
 */
import type { Middleware } from '../middleware.js';

/** A ready-to-use middleware with default options, plus `.with(options)`. */
export type ConfigurableMiddleware<Options> = Middleware & {
  /** The same middleware with these options (Django settings in camelCase). */
  with(options?: Options): Middleware;
};

/** Wrap an options factory so its default instance can be used directly. */
export function configurable<Options>(
  factory: (options?: Options) => Middleware,
  name: string,
): ConfigurableMiddleware<Options> {
  const defaults = factory();
  const named = ((getResponse, settings) =>
    defaults(getResponse, settings)) as ConfigurableMiddleware<Options>;
  Object.defineProperty(named, 'name', { value: name });
  named.with = factory;
  return named;
}
