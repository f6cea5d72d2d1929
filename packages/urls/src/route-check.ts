/**
 * Type-level check of a `path()` route: a placeholder naming a converter that is neither built in,
 * nor declared in `ConverterTypes`, nor passed in the route's `converters` option makes the route
 * argument a type error that names the converter, as `path()` would throw at start-up.
 *
 * @module
 */
import type { ConverterTypes } from './converters.js';
import type { ConverterRegistry } from './converters.js';

/** The converter names of the placeholders in a route (`'a/<int:x>/<foo:y>'` → `'int' | 'foo'`). */
type ConvertersIn<R extends string> = R extends `${string}<${infer Inner}>${infer Rest}`
  ? (Inner extends `${infer C}:${string}` ? C : never) | ConvertersIn<Rest>
  : never;

/** The converter names a route may use, given its per-route `converters` option. */
type KnownConverterNames<C> = [C] extends [never]
  ? keyof ConverterTypes
  : C extends ConverterRegistry
    ? string
    : keyof ConverterTypes | (keyof C & string);

/**
 * `R` itself when every converter it names is known, else a message naming the unknown one, so
 * that `path('z/<foo:bar>/', view)` reads: Argument of type '"z/<foo:bar>/"' is not assignable to
 * parameter of type '"Unknown converter 'foo' in route 'z/<foo:bar>/' …"'.
 *
 * @example
 * type Ok = CheckedRoute<'a/<int:pk>/', never>; // 'a/<int:pk>/'
 */
export type CheckedRoute<R extends string, C> = string extends R
  ? R
  : [Exclude<ConvertersIn<R>, KnownConverterNames<C>>] extends [never]
    ? R
    : `Unknown converter '${Exclude<ConvertersIn<R>, KnownConverterNames<C>> & string}' in route '${R}': use int, str, slug, uuid or path, or register it (registerConverter() and a ConverterTypes entry, or the route's converters option).`;
