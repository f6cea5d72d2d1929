/**
 * Type-level parsing of `path()` routes: `RouteParams<'articles/<int:year>/<slug:slug>/'>` is
 * `{ year: number; slug: string }`, using the converter types in `ConverterTypes`. Inference is
 * local to one route string (a short recursive template-literal walk), so large urlconfs stay
 * cheap to type-check.
 *
 * @module
 */
import type { ConverterTypes } from './converters.js';

type ConverterType<C extends string> = C extends keyof ConverterTypes ? ConverterTypes[C] : unknown;

type Placeholder<Inner extends string> = Inner extends ''
  ? unknown
  : Inner extends `${infer C}:${infer N}`
    ? N extends ''
      ? unknown
      : { [K in N]: ConverterType<C> }
    : { [K in Inner]: string };

type Parse<R extends string, Acc> = R extends `${string}<${infer Inner}>${infer Rest}`
  ? Parse<Rest, Acc & Placeholder<Inner>>
  : Acc;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The parameters a `path()` route captures, typed by converter.
 *
 * @example
 * type P = RouteParams<'articles/<int:year>/<slug:slug>/'>; // { year: number; slug: string }
 */
export type RouteParams<R extends string> = string extends R
  ? Record<string, unknown>
  : Simplify<Parse<R, unknown>>;

/**
 * A view as the server calls it: `view(request, params, ...args)`. The request type is left to
 * the caller (this package does not depend on an HTTP layer).
 *
 * @example
 * const detail: View<{ pk: number }> = (request, { pk }) => `article ${pk}`;
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type View<P = any, Request = any> = (request: Request, params: P, ...args: any[]) => unknown;

/** Route params with a leaf's extra kwargs laid over them (extra kwargs win, as in Django). */
export type WithExtra<P, K> = [keyof K] extends [never] ? P : Simplify<Omit<P, keyof K> & K>;
