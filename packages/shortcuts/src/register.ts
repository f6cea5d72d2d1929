/**
 * The registration interface that types `reverse()`, `reverseLazy()` and `redirect()` from the
 * project's urlconf, declared once (TanStack Router's `Register` pattern), in one of two ways:
 *
 * - `urlKwargs`: the flat name → kwargs interface `reins typegen` writes (`reins-urls.gen.d.ts`).
 *   The checker and the editor read it as it is, whatever the size of the urlconf.
 * - `urlconf: typeof urlconf`: the `createResolver()` result itself, with no generated file. The
 *   names and kwargs are then inferred from every `path()` call, which the editor repeats after
 *   each edit: fine for a small project, slow at hundreds of routes (see `pnpm bench:types`).
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
 * Augment with `urlKwargs` (what `reins typegen` writes) or `urlconf: typeof urlconf` (the
 * `createResolver()` result) to type the names and arguments `reverse()` and `redirect()` accept.
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

/** The names and kwargs inferred from `Register['urlconf']`. */
type InferredKwargs = {
  [E in RegisteredEntries as E['name']]: E['params'];
};

/**
 * The registered urlconf's names, each with the kwargs it takes (`Record<string, …>` when nothing
 * is registered): `Register['urlKwargs']` as generated, else inferred from `Register['urlconf']`.
 *
 * Top-level aliases with no type parameters, on purpose: the checker then knows they hold no type
 * variable and never re-instantiates them for a call. Written as `ReverseMap<E>` instead, every
 * `reverse()` call with a new name re-instantiated all the entries: O(routes) per call, minutes
 * of tsc at 10,000 routes. The conditional only looks at `urlKwargs`, so a project that has both
 * never infers its urlconf for a call.
 *
 * @example
 * type Kwargs = UrlKwargs['polls:detail']; // { pk: number } once registered
 */
export type UrlKwargs = Register extends { urlKwargs: infer M extends object } ? M : InferredKwargs;
