/**
 * The registration interface that types `reverse()`, `reverseLazy()` and `redirect()` from the
 * project's urlconf, declared once (TanStack Router's `Register` pattern):
 *
 * ```ts nocheck: augments a module; shown for the shape
 * declare module '@reins/shortcuts' {
 *   interface Register { urlconf: typeof urlconf }
 * }
 * ```
 *
 * Unregistered, every name is a `string` and every argument is accepted, as before.
 *
 * @module
 */

/**
 * Augment with `urlconf: typeof urlconf` (the `createResolver()` result) to type the names and
 * arguments `reverse()` and `redirect()` accept.
 *
 * @example
 * declare module '@reins/shortcuts' {
 *   interface Register { urlconf: typeof urlconf }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by the project
export interface Register {}

/** One name and its kwargs, as a `URLResolver` carries them (its `__reverse` phantom). */
interface Entry {
  name: string;
  params: unknown;
}

type EntriesOf<U> = U extends { readonly __reverse?: { entries: infer E extends Entry } }
  ? E
  : { name: string; params: Record<string, unknown> };

type RegisteredEntries = Register extends { urlconf: infer U } ? EntriesOf<U> : EntriesOf<unknown>;

/**
 * The registered urlconf's names, each with the kwargs it takes (`Record<string, …>` when nothing
 * is registered).
 *
 * A top-level alias with no type parameters, on purpose: the checker then knows it holds no type
 * variable and never re-instantiates it for a call. Written as `ReverseMap<E>` instead, every
 * `reverse()` call with a new name re-instantiated all the entries: O(routes) per call, minutes
 * of tsc at 10,000 routes.
 *
 * @example
 * type Kwargs = UrlKwargs['polls:detail']; // { pk: number } once registered
 */
export type UrlKwargs = {
  [E in RegisteredEntries as E['name']]: E['params'];
};
