/**
 * The call signatures of the typed `reverse()` and `redirect()`, over a map of URL names to kwargs
 * (`UrlKwargs` once a urlconf is registered). Shapes chosen for the checker's cost, measured by
 * `pnpm bench:types`: the kwargs type is read as `[N] extends [never] ? unknown : M[N]`, whose
 * constraint is `unknown`, so the options literal of a call is never contextually typed by the
 * union of every route's kwargs (that made each call O(routes)).
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

/** The kwargs of name `N`; its constraint is `unknown` (see the module note). */
type KwargsOf<M, N extends keyof M> = [N] extends [never] ? unknown : M[N];

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
type KwargsRequired<M, N extends keyof M, X> = X & { kwargs: KwargsOf<M, N>; args?: undefined };
type KwargsOptional<M, N extends keyof M, X> = X & {
  kwargs?: KwargsOf<M, N>;
  args?: readonly unknown[] | undefined;
};
type PositionalArgs<X> = X & { args: readonly unknown[]; kwargs?: undefined };

type KwargsOptions<M, N extends keyof M, X> = [N] extends [OptionalNames<M>]
  ? [options?: X & { kwargs?: KwargsOf<M, N>; args?: readonly unknown[] | undefined }]
  : [options: X & { kwargs: KwargsOf<M, N>; args?: undefined }];

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
type CheckedName<N, M, Also = never> = string extends N
  ? N
  : N extends Names<M> | Also
    ? N
    : NoInfer<N extends string ? UnknownUrlName<N, Names<M>> : N>;

type CheckedOptions<N, M, X> =
  N extends Names<M>
    ? string extends N
      ? [options?: LooseOptions<X>]
      : KwargsOptions<M, N, X> | ArgsOptions<N, X>
    : [options?: LooseOptions<X>];

/**
 * `reverse()` typed by a map of names to kwargs. The last signature only reports errors: it
 * turns a wrong name into a message listing close names.
 *
 * @example
 * declare const typedReverse: TypedReverse<{ home: {}; 'polls:detail': { pk: number } }>;
 * typedReverse('polls:detail', { kwargs: { pk: 4 } });
 */
export interface TypedReverse<M> {
  <N extends Names<M>>(viewname: N, options: KwargsRequired<M, N, ReverseExtras>): string;
  <N extends OptionalNames<M>>(viewname: N, options?: KwargsOptional<M, N, ReverseExtras>): string;
  // Kept apart from the kwargs signature on purpose: a union of options costs more to check.
  // eslint-disable-next-line @typescript-eslint/unified-signatures
  <N extends Names<M>>(viewname: N, options: PositionalArgs<ReverseExtras>): string;
  (view: ViewFunction, options?: LooseOptions<ReverseExtras>): string;
  <const N extends string | ViewFunction>(
    viewname: CheckedName<N, M, ViewFunction>,
    ...options: CheckedOptions<N, M, ReverseExtras>
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
 * `redirect()` typed by a map of names to kwargs; `R` and `P` are its response types.
 *
 * @example
 * declare const typedRedirect: TypedRedirect<{ home: {} }, Response, Response>;
 * typedRedirect('home');
 */
export interface TypedRedirect<M, R, P> {
  <N extends Names<M>>(to: N, options: KwargsRequired<M, N, RedirectExtras>): R | P;
  <N extends OptionalNames<M>>(to: N, options?: KwargsOptional<M, N, RedirectExtras>): R | P;
  <N extends Names<M>>(
    to: N,
    ...args: [N] extends [never]
      ? never
      : [string | number | bigint, ...(string | number | bigint)[]]
  ): R;
  (to: UrlString | ViewFunction | object, options?: LooseOptions<RedirectExtras>): R | P;
  <const N extends string | object>(
    to: CheckedName<N, M, UrlString | object>,
    ...options: CheckedOptions<N, M, RedirectExtras>
  ): R | P;
}
