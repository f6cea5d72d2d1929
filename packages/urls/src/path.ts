/**
 * `path()` and `rePath()`: declare a urlconf entry (Django's `django.urls.path` and `re_path`).
 * With a view they make a `URLPattern`; with an `include()` they make a `URLResolver` mounted
 * under the route. Configuration mistakes throw `ImproperlyConfigured` here, at declaration.
 *
 * @module
 */
import { ConverterRegistry } from './converters.js';
import type { Converter } from './converters.js';
import { improperlyConfigured } from './internal/improperly-configured.js';
import type { IncludeSpec } from './include.js';
import type { ReverseEntry } from './internal/node-types.js';
import { RegexPattern, RoutePattern } from './internal/route-pattern.js';
import type { CheckedRoute } from './route-check.js';
import type { RouteParams, View, WithExtra } from './route-params.js';
import { URLPattern } from './url-pattern.js';
import { URLResolver } from './url-resolver.js';

/**
 * Per-route converters for `path()`: by name, or a urlconf's {@link ConverterRegistry} (they win
 * over the default registry's).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ConverterMap = Readonly<Record<string, Converter<any>>> | ConverterRegistry;

/** Options of a `path()`/`rePath()` leaf. */
export interface PathOptions<N extends string = string, K = Record<string, unknown>> {
  /** The name `reverse()` and `{% url %}` use. */
  name?: N;
  /** Extra kwargs passed to the view; they win over captured values. */
  kwargs?: K;
}

/** Options of a `path()`/`rePath()` include. */
export interface IncludeOptions<K = Record<string, unknown>> {
  /** Extra kwargs passed to every view of the include. */
  kwargs?: K;
}

/** What a name given to `path()` with an `include()` is checked against, so the error says why. */
type IncludeNameMessage =
  'path() with include() takes no name (Django ignores it): name the included patterns instead.';

/**
 * Options of `path()`: a leaf's, for a view; for an include (`E` inferred from it), the name is
 * refused (Django ignores it; one given there is a mistake). The name's type is the conditional,
 * not the whole options type: tsc instantiates a conditional contextual type with the types
 * inferred from the call's context (inside `createResolver([…])`, `N` from `URLPattern<any, …>`),
 * which widened the name to `string`. One interface rather than `PathOptions<N, K> & { … }`: the
 * options literal of every call is checked against it while the call's type arguments are
 * inferred, and an interface is cheaper for the checker than an intersection.
 */
interface PathCallOptions<N extends string, K, C, E> {
  /** The name `reverse()` and `{% url %}` use (a view's only). */
  name?: [E] extends [NoIncludeEntries]
    ? [NoIncludeEntries] extends [E]
      ? N
      : IncludeNameMessage
    : IncludeNameMessage;
  /** Extra kwargs passed to the view, or to every view of the include. */
  kwargs?: K;
  /** Converters for this route only (they win over the registered ones). */
  converters?: C;
}

/** The arguments `reverse()` takes for a route with these extra kwargs: defaults become optional. */
export type ReverseParamsOf<P, K> = [keyof K] extends [never]
  ? P
  : { [Key in keyof P as Key extends keyof K ? never : Key]: P[Key] } & {
      [Key in keyof P & keyof K]?: P[Key];
    } & { [Key in Exclude<keyof K, keyof P>]?: K[Key] };

type Prefixed<E, Prefix, App extends string, Ns extends string> = E extends ReverseEntry
  ? {
      name: [Ns] extends [never] ? E['name'] : `${Ns}:${E['name']}` | `${App}:${E['name']}`;
      params: [keyof Prefix] extends [never] ? E['params'] : Prefix & E['params'];
    }
  : never;

/** Validation shared by `path()` and `rePath()`. */
function build(
  pattern: (isEndpoint: boolean) => RoutePattern | RegexPattern,
  target: unknown,
  options: PathOptions<string, unknown> | IncludeOptions<unknown> | undefined,
  caller: string,
  source: unknown,
): URLPattern | URLResolver {
  if (typeof source !== 'string') {
    throw improperlyConfigured(
      `${caller}() takes the route as a string, got ${typeof source}. Pass the route first: ${caller}('articles/', view).`,
    );
  }
  const kwargs = (options?.kwargs ?? {}) as unknown;
  if (typeof kwargs !== 'object' || kwargs === null || Array.isArray(kwargs)) {
    throw improperlyConfigured(
      `${caller}('${source}', …) kwargs must be an object, but got ${Array.isArray(kwargs) ? 'an array' : typeof kwargs}.`,
      source,
    );
  }
  if (typeof target === 'function') {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed: tsc keeps the union here
    const name = (options as PathOptions<string, unknown> | undefined)?.name ?? null;
    if (name !== null && typeof name !== 'string') {
      throw improperlyConfigured(`${caller}('${source}', …) name must be a string.`, source);
    }
    return new URLPattern(pattern(true), target as View, kwargs as Record<string, unknown>, name);
  }
  if (typeof target === 'object' && target !== null && (target as IncludeSpec).kind === 'include') {
    const spec = target as IncludeSpec;
    return new URLResolver(
      pattern(false),
      spec.urlpatterns,
      kwargs as Record<string, unknown>,
      spec.appName,
      spec.namespace,
    );
  }
  throw improperlyConfigured(
    `${caller}('${source}', …): view must be a function, or the result of include(). Got ${target === null ? 'null' : typeof target}.`,
    source,
  );
}

/**
 * The `E` of `path()` when its target is a view: no `include()` gave entries to infer. Not
 * `never`, which an include of unnamed patterns gives, and no real entry is one (its `name` is
 * any string, its brand unique).
 */
interface NoIncludeEntries extends ReverseEntry {
  readonly noIncludeEntries: true;
}

/** What `path()` returns: a `URLPattern` for a view, a `URLResolver` for an `include()`. */
type PathResult<
  R extends string,
  N extends string,
  K,
  E extends ReverseEntry,
  App extends string,
  Ns extends string,
> = [E] extends [NoIncludeEntries]
  ? [NoIncludeEntries] extends [E]
    ? URLPattern<N, ReverseParamsOf<RouteParams<R>, K>>
    : URLResolver<Prefixed<E, RouteParams<R>, App, Ns>>
  : URLResolver<Prefixed<E, RouteParams<R>, App, Ns>>;

/**
 * Declare a route: `<converter:name>` placeholders (`int`, `str`, `slug`, `uuid`, `path` or a
 * registered one) are captured, converted and passed to the view as `params`, typed.
 *
 * @throws {ImproperlyConfigured} for an unknown converter, a bad or duplicate parameter name, or
 *   whitespace inside `<…>`.
 * @example
 * path('articles/<int:year>/<slug:slug>/', (request, { year, slug }) => …, { name: 'article' });
 * path('blog/', include({ urlpatterns: blogPatterns, appName: 'blog' }));
 */
// One signature for a view and an include, not two overloads: with two, tsc first tries every
// overload under the subtype relation, where a view taking `(request: HttpRequest, …)` does not
// match `View`'s `request: any` (any is assignable, not a subtype), then redoes the inference and
// checks of the whole call under assignability: each path() call was checked twice (−0.16 s of
// CPU for 1,000 routes, `pnpm bench:types`). The view stays `NoInfer` (see below); an include
// gives `E`, `App` and `Ns`, and `PathResult` tells the two apart by `E`.
export function path<
  const R extends string,
  const N extends string = never,
  K extends Record<string, unknown> = Record<never, never>,
  C extends ConverterMap = never,
  E extends ReverseEntry = NoIncludeEntries,
  const App extends string = never,
  const Ns extends string = never,
>(
  route: CheckedRoute<R, C>,
  // NoInfer on the whole view type: no type parameter is ever inferred from the view, and without
  // it the checker walked the view's params into RouteParams' conditional and mapped types on
  // every call (about a fifth of a urlconf's check time, measured by `pnpm bench:types`).
  target: NoInfer<View<WithExtra<RouteParams<R>, K>>> | IncludeSpec<E, App, Ns>,
  options?: PathCallOptions<N, K, C, E>,
): PathResult<R, N, K, E, App, Ns>;
export function path(
  route: string,
  target: View | IncludeSpec,
  options?: (PathOptions | IncludeOptions) & {
    converters?: ConverterMap;
  },
): URLPattern | URLResolver {
  return build(
    (isEndpoint) => new RoutePattern(route, isEndpoint, convertersOf(options?.converters)),
    target,
    options,
    'path',
    route,
  );
}

function convertersOf(
  converters: ConverterMap | undefined,
): Record<string, Converter<never>> | undefined {
  if (converters instanceof ConverterRegistry) return converters.converters;
  return converters as Record<string, Converter<never>> | undefined;
}

/**
 * Declare a route by regular expression, in Python `re` syntax as in Django: named groups
 * (`(?P<year>[0-9]{4})`) become kwargs (strings); without named groups, groups become positional
 * args. Matching is a search, so anchor with `^`.
 *
 * @throws {ImproperlyConfigured} for an invalid regex or one using Python features JavaScript lacks.
 * @example
 * rePath('^archive/(?P<year>[0-9]{4})/$', archive, { name: 'archive' });
 */
export function rePath<
  const N extends string = never,
  const K extends Record<string, unknown> = Record<never, never>,
>(regex: string, view: View, options?: PathOptions<N, K>): URLPattern<N, Record<string, unknown>>;
export function rePath<E extends ReverseEntry, const App extends string, const Ns extends string>(
  regex: string,
  target: IncludeSpec<E, App, Ns>,
  options?: IncludeOptions,
): URLResolver<Prefixed<E, Record<string, unknown>, App, Ns>>;
export function rePath(
  regex: string,
  target: View | IncludeSpec,
  options?: PathOptions | IncludeOptions,
): URLPattern | URLResolver {
  const node = build(
    (isEndpoint) => new RegexPattern(regex, isEndpoint),
    target,
    options,
    'rePath',
    regex,
  );
  const warning = (node.pattern as RegexPattern).backtracking;
  if (warning !== null) {
    globalThis.console?.warn?.(
      `[urls.W104] rePath('${regex}') has ${warning}, which a backtracking engine (Django's) can take exponential time on for a long path; reins runs it on its slower linear-time engine. Rewrite it so repeated parts cannot match the same text two ways.`,
    );
  }
  return node;
}
