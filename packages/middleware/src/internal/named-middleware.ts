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

/**
 * Where a built-in middleware keeps its Django name and the options it was built with, for
 * `reins check --deploy` (Django's deploy checks read SECURE_HSTS_SECONDS and friends from the
 * settings; reins' live in the middleware's options). A registry symbol, so a second copy of the
 * package tags alike.
 */
const MIDDLEWARE_DESCRIPTION = Symbol.for('reins.middlewareDescription');

/** Tag `middleware` with its name and options (see {@link MIDDLEWARE_DESCRIPTION}). */
export function describeMiddleware<Options>(
  middleware: Middleware,
  name: string,
  options: Options | undefined,
): Middleware {
  Object.defineProperty(middleware, MIDDLEWARE_DESCRIPTION, {
    value: Object.freeze({ name, options: options ?? {} }),
  });
  return middleware;
}

/** Wrap an options factory so its default instance can be used directly. */
export function configurable<Options>(
  factory: (options?: Options) => Middleware,
  name: string,
): ConfigurableMiddleware<Options> {
  const defaults = factory();
  const named = ((getResponse, settings) =>
    defaults(getResponse, settings)) as ConfigurableMiddleware<Options>;
  Object.defineProperty(named, 'name', { value: name });
  describeMiddleware(named, name, {});
  named.with = factory;
  return named;
}
