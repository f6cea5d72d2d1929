/**
 * The call signatures of the typed `reverse()` and `redirect()`, over a map of URL names to kwargs
 * (`UrlKwargs` once a urlconf is registered). Shapes chosen for the checker's cost, measured by
 * `pnpm bench:types`:
 *
 * - the kwargs type is read as `[N] extends [never] ? unknown : …`, whose constraint is `unknown`,
 *   so the options literal of a call is never contextually typed by the union of every route's
 *   kwargs (that made each call O(routes));
 * - the signatures that accept a call type the name as `const N extends string`, not
 *   `N extends keyof M`: for a string literal argument whose contextual type is a type parameter,
 *   tsc scans the parameter's constraint four times for a `string`/`number`/`bigint`/`symbol`
 *   member (`isLiteralOfContextualType`), and a constraint of every name is scanned to the end:
 *   O(names) for each call, about half the check of 1,000 calls against 10,000 names. The name
 *   is checked by a lookup instead (`N extends Known`, a binary search in the union of names),
 *   `Known` being a type argument computed once: `keyof M` written in a signature is recomputed
 *   by tsc for every call.
 *
 * @module
 */

/** The names of a map. */
type Names<M> = keyof M & string;

/** The names whose kwargs may all be omitted (no parameters, or only extra-kwargs ones). */
type OptionalNames<M> = {
  [K in keyof M]: Record<never, never> extends M[K] ? K : never;
}[keyof M] &
  string;

/**
 * The kwargs of name `N`, `never` when `N` is not one of `Known` (the signature then refuses the
 * call); its constraint is `unknown` (see the module note).
 */
type KwargsOf<M, N, Known extends keyof M> = [N] extends [never]
  ? unknown
  : N extends Known
    ? M[N]
    : never;

/**
 * `N` when it is one of `Names` (here the names whose kwargs may all be omitted), else `never`.
 * Not distributive: the constraint of `[N] extends …` is `N`'s own (`string`), so the scan of the
 * module note stays away.
 */
type KnownName<N, Names> = [N] extends [Names] ? N : never;

type LastSegment<S extends string> = S extends `${string}:${infer Rest}` ? LastSegment<Rest> : S;
type Namespace<S extends string> = S extends `${infer Ns}:${LastSegment<S>}` ? Ns : never;
type FirstChars<S extends string> = S extends `${infer A}${infer B}${string}` ? `${A}${B}` : S;

/** The first tier of `Tiers` that holds a name. */
type FirstFound<Tiers extends unknown[]> = Tiers extends [infer T, ...infer Rest]
  ? [T] extends [never]
    ? FirstFound<Rest>
    : T
  : never;

/**
 * Names close to `N`, by tiers: names it starts or the same name in another namespace; then in
 * its namespace, names sharing the first letters of its last part; then its namespace's names;
 * then names sharing its first letters.
 */
type CloseNames<N extends string, All extends string> = FirstFound<
  [
    Extract<All, `${N}${string}` | `${string}:${LastSegment<N>}` | LastSegment<N>>,
    Extract<All, `${Namespace<N>}:${FirstChars<LastSegment<N>>}${string}`>,
    Extract<All, `${Namespace<N>}:${string}`>,
    Extract<All, `${FirstChars<N>}${string}`>,
  ]
>;

/**
 * What a wrong URL name reads as: the close names, then a note saying so. A union, not one joined
 * string: joining a union takes one pass per member picked, and this type is also what the
 * editor evaluates for every keystroke inside `reverse('`, where `N` is a prefix that every name
 * may start with.
 *
 * @example
 * type Error = UnknownUrlName<'hom', 'home' | 'about'>; // 'home' | "(No URL is named 'hom'; …)"
 */
export type UnknownUrlName<N extends string, All extends string> = [CloseNames<N, All>] extends [
  never,
]
  ? `No URL is named '${N}' in the registered urlconf (Register['urlconf']).`
  : CloseNames<N, All> | `(No URL is named '${N}'; the names before this are close.)`;

/** Options `reverse()` takes besides the arguments. */
export interface ReverseExtras {
  /** The application instance to prefer for `app:name`; `null` for none. Defaults from the request. */
  currentApp?: string | null | undefined;
  /** A query string to append (an object, `URLSearchParams` or a string). */
  query?: unknown;
  /** A fragment to append. */
  fragment?: string | undefined;
  /** The resolver to use instead of the request's (Django's `urlconf` argument). */
  urlconf?: { reverse(viewname: never, ...rest: never[]): string } | undefined;
}

/** A view function, as `reverse()` takes it instead of a name. */
export type ViewFunction = (...args: never[]) => unknown;

// The signatures that accept a call take plain parameters, one shape each, not a conditional rest
// tuple: arity picks the overload before any inference, and the checker never evaluates a
// conditional per call (half the cost of a call, measured by `pnpm bench:types`). The
// conditional forms below serve only the last, error-reporting signature.
//
// Their options are interfaces extending the extras, not `Extras & { kwargs: … }`: every call's
// options literal is related to this type twice (inference, then the applicability check), and an
// interface is one object type to the checker where an intersection is two and their union of
// properties; 1,000 calls type-check 0.2 s faster (`pnpm bench:types`, 1,000 routes).
/** The options of `reverse()` for a name whose kwargs are required. */
interface ReverseKwargs<Kwargs> extends ReverseExtras {
  kwargs: Kwargs;
  args?: undefined;
}
/** The options of `reverse()` for a name whose kwargs may all be omitted. */
interface ReverseOptionalKwargs<Kwargs> extends ReverseExtras {
  kwargs?: Kwargs;
  args?: readonly unknown[] | undefined;
}
/** The options of `redirect()` for a name whose kwargs are required. */
interface RedirectKwargs<Kwargs> extends RedirectExtras {
  kwargs: Kwargs;
  args?: undefined;
}
/** The options of `redirect()` for a name whose kwargs may all be omitted. */
interface RedirectOptionalKwargs<Kwargs> extends RedirectExtras {
  kwargs?: Kwargs;
  args?: readonly unknown[] | undefined;
}
type PositionalArgs<X> = X & { args: readonly unknown[]; kwargs?: undefined };

type KwargsOptions<M, N extends Known, Known extends keyof M, Optional, X> = [N] extends [Optional]
  ? [options?: X & { kwargs?: KwargsOf<M, N, Known>; args?: readonly unknown[] | undefined }]
  : [options: X & { kwargs: KwargsOf<M, N, Known>; args?: undefined }];

type ArgsOptions<N, X> = [N] extends [never]
  ? never
  : [options: X & { args: readonly unknown[]; kwargs?: undefined }];

type LooseOptions<X> = X & {
  args?: readonly unknown[] | undefined;
  kwargs?: Readonly<Record<string, unknown>> | undefined;
};

/**
 * A name checked against the map: itself when known (or not a literal), else the message. The
 * message's branch is `NoInfer` as a whole: inference then never instantiates it while `N` is still
 * a type variable, which distributed every name of the map over a generic pattern (O(names) for
 * each wrong call, and for the editor's completion inside `reverse('` after every keystroke:
 * 370 → 90 ms at 1,000 names, measured by `pnpm bench:types`).
 */
type CheckedName<N, Known extends string, Also = never> = string extends N
  ? N
  : N extends Known | Also
    ? N
    : NoInfer<N extends string ? UnknownUrlName<N, Known> : N>;

type CheckedOptions<N, M, Known extends keyof M & string, Optional, X> = N extends Known
  ? string extends N
    ? [options?: LooseOptions<X>]
    : KwargsOptions<M, N, Known, Optional, X> | ArgsOptions<N, X>
  : [options?: LooseOptions<X>];

/**
 * `reverse()` typed by a map of names to kwargs. The last signature only reports errors: it
 * turns a wrong name into a message listing close names. `Known` and `Optional` are computed from
 * `M`, once: tsc recomputes `keyof M` wherever a signature's instantiation mentions it, i.e. for
 * every call, while a type argument is instantiated once with the interface.
 *
 * @example
 * declare const typedReverse: TypedReverse<{ home: {}; 'polls:detail': { pk: number } }>;
 * typedReverse('polls:detail', { kwargs: { pk: 4 } });
 */
export interface TypedReverse<
  M,
  Known extends keyof M & string = Names<M>,
  Optional extends string = OptionalNames<M>,
> {
  // A plain `N`, not `KnownName<N, Known>`: that conditional costs ten instantiations a call
  // (+12% of a 1,000-call project's), for the sake of the editor's list inside `reverse('`,
  // which then holds the text typed so far besides the names.
  <const N extends string>(viewname: N, options: ReverseKwargs<KwargsOf<M, N, Known>>): string;
  <const N extends string>(
    viewname: KnownName<N, Optional>,
    options?: ReverseOptionalKwargs<KwargsOf<M, N, Known>>,
  ): string;
  // Kept apart from the kwargs signature on purpose: a union of options costs more to check. Its
  // constraint is what the editor offers as completions inside `reverse('`.
  <N extends Known>(viewname: N, options: PositionalArgs<ReverseExtras>): string;
  (view: ViewFunction, options?: LooseOptions<ReverseExtras>): string;
  <const N extends string | ViewFunction>(
    viewname: CheckedName<N, Known, ViewFunction>,
    ...options: CheckedOptions<N, M, Known, Optional, ReverseExtras>
  ): string;
}

/** Options of `redirect()` besides the arguments. */
export interface RedirectExtras extends Omit<ReverseExtras, 'urlconf'> {
  /** 301 instead of 302. */
  permanent?: boolean | undefined;
}

/** A string `redirect()` takes as a URL when it is not a view name (Django: it has `/` or `.`). */
export type UrlString = `${string}/${string}` | `${string}.${string}`;

/**
 * `redirect()` typed by a map of names to kwargs; `R` and `P` are its response types. `Known` and
 * `Optional` are computed from `M`, once (see {@link TypedReverse}).
 *
 * @example
 * declare const typedRedirect: TypedRedirect<{ home: {} }, Response, Response>;
 * typedRedirect('home');
 */
export interface TypedRedirect<
  M,
  R,
  P,
  Known extends keyof M & string = Names<M>,
  Optional extends string = OptionalNames<M>,
> {
  <const N extends string>(to: N, options: RedirectKwargs<KwargsOf<M, N, Known>>): R | P;
  <const N extends string>(
    to: KnownName<N, Optional>,
    options?: RedirectOptionalKwargs<KwargsOf<M, N, Known>>,
  ): R | P;
  <N extends Known>(
    to: N,
    ...args: [N] extends [never]
      ? never
      : [string | number | bigint, ...(string | number | bigint)[]]
  ): R;
  (to: UrlString | ViewFunction | object, options?: LooseOptions<RedirectExtras>): R | P;
  <const N extends string | object>(
    to: CheckedName<N, Known, UrlString | object>,
    ...options: CheckedOptions<N, M, Known, Optional, RedirectExtras>
  ): R | P;
}
