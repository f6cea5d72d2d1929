/**
 * `URLResolver` and `createResolver()`: the root of a urlconf (and, as in Django, every
 * `include()` node). `resolve(path)` finds the view for a path, `reverse(name, …)` builds the
 * path for a view; both compile the urlconf once, on first use.
 *
 * @module
 */
import type { TriedPattern } from './errors.js';
import { Resolver404 } from './errors.js';
import { improperlyConfigured } from './internal/improperly-configured.js';
import type { AnyNode, ReverseEntry } from './internal/node-types.js';
import { ResolveEngine } from './internal/resolve-engine.js';
import { ReverseEngine } from './internal/reverse-engine.js';
import type { AnyPattern } from './internal/route-pattern.js';
import type { ResolverMatch } from './resolver-match.js';
import type { View } from './route-params.js';
import { URLPattern } from './url-pattern.js';

/** Options of `reverse()` besides the arguments. */
export interface ReverseOptions {
  /** The current application instance, e.g. `request.resolverMatch.namespace`. */
  currentApp?: string | null | undefined;
  /** Query string to append: an object (array values repeat the key), pairs, or URLSearchParams. */
  query?:
    | Record<string, unknown>
    | ReadonlyArray<readonly [string, unknown]>
    | URLSearchParams
    | { urlencode(): string }
    | null
    | undefined;
  /** Fragment to append after `#`, verbatim. */
  fragment?: string | null | undefined;
}

/** The untyped entry: any name, any arguments. */
export interface AnyEntry {
  name: string;
  params: Record<string, unknown>;
}

/**
 * The names `reverse()` accepts, each with its arguments: one mapped type per resolver type
 * (computed once), so each `reverse()` call is an indexed access, not a search of the union.
 */
export type ReverseMap<E extends ReverseEntry> = { [Entry in E as Entry['name']]: Entry['params'] };

/** The names whose arguments may all be omitted (no parameters, or only extra-kwargs ones). */
export type OptionalArgNames<M> = {
  [K in keyof M]: Record<never, never> extends M[K] ? K : never;
}[keyof M] &
  string;

/** The names `reverse()` accepts for a resolver. */
export type ReverseNames<R> = R extends URLResolver<infer E> ? E['name'] : never;

/** Options of `createResolver()`. */
export interface ResolverOptions {
  /** Prepended to every reversed URL (Django's script prefix); default `/`. */
  scriptPrefix?: string;
  /**
   * Generate the matcher's and the reverse builders' code with `new Function` where the runtime
   * allows it (default true); false keeps the interpreters (same answers), e.g. under a strict
   * Content-Security-Policy.
   */
  generateCode?: boolean;
}

/**
 * A urlconf node with patterns: the root made by `createResolver()`, or an `include()` mounted by
 * `path()`. `E` lists the names `reverse()` accepts and their arguments.
 *
 * @example
 * const resolver = new URLResolver(null, [path('', home, { name: 'home' })]);
 * resolver.reverse('home'); // '/'
 */
export class URLResolver<E extends ReverseEntry = AnyEntry> {
  readonly kind = 'resolver';
  /** The prefix pattern, or null for the root (which matches Django's `^/`). */
  readonly pattern: AnyPattern | null;
  readonly urlpatterns: readonly AnyNode[];
  /** The include's extra kwargs, passed to every view below it. */
  readonly defaultKwargs: Readonly<Record<string, unknown>>;
  readonly appName: string | null;
  readonly namespace: string | null;
  /** @internal phantom type for typed reverse. */
  declare readonly __reverse?: { entries: E };
  readonly #options: ResolverOptions;
  #resolveEngine: ResolveEngine | undefined;
  #reverseEngine: ReverseEngine | undefined;

  constructor(
    pattern: AnyPattern | null,
    urlpatterns: readonly AnyNode[],
    defaultKwargs: Readonly<Record<string, unknown>> = {},
    appName: string | null = null,
    namespace: string | null = null,
    options: ResolverOptions = {},
  ) {
    if (!Array.isArray(urlpatterns)) {
      throw improperlyConfigured(
        'The URLconf does not appear to have any patterns in it. Pass an array of path() and rePath() results.',
      );
    }
    urlpatterns.forEach((item: unknown, index) => {
      if (!(item instanceof URLPattern) && !(item instanceof URLResolver)) {
        const hint =
          typeof item === 'string'
            ? ` Remove the string '${item}': the list of urlpatterns should not have a prefix string.`
            : Array.isArray(item)
              ? ' Use path() instead of an array.'
              : '';
        throw improperlyConfigured(
          `Your URL pattern ${JSON.stringify(item) ?? String(item)} at index ${index} is invalid. Ensure that urlpatterns is an array of path() and/or rePath() results.${hint}`,
        );
      }
    });
    this.pattern = pattern;
    this.urlpatterns = urlpatterns;
    this.defaultKwargs = defaultKwargs;
    this.appName = appName;
    this.namespace = namespace;
    this.#options = options;
  }

  #engine(): ResolveEngine {
    return (this.#resolveEngine ??= new ResolveEngine(this, {
      generate: this.#options.generateCode !== false,
    }));
  }

  /** Build the resolve and reverse tables now (they are otherwise built on first use). */
  compile(): this {
    this.#engine();
    this.#reverseEngine ??= new ReverseEngine(
      this,
      this.#options.scriptPrefix,
      this.#options.generateCode !== false,
    );
    return this;
  }

  /**
   * Find the view for a path (percent-decoded, starting with `/` for the root), or null. Never
   * throws.
   *
   * @example
   * resolver.match('/nope/'); // null
   */
  match(path: string): ResolverMatch | null {
    const engine = this.#engine();
    if (typeof path !== 'string') {
      try {
        path = String(path);
      } catch {
        return null;
      }
    }
    return engine.match(path);
  }

  /**
   * Find the view for a path: first match in declaration order, as Django.
   *
   * @throws {Resolver404} when nothing matches (and never anything else).
   * @example
   * const { view, kwargs } = resolver.resolve('/articles/2024/');
   */
  resolve(path: string): ResolverMatch {
    const found = this.match(path);
    if (found !== null) return found;
    throw this.#notFound(typeof path === 'string' ? path : safeString(path));
  }

  #notFound(path: string): Resolver404 {
    const engine = this.#engine();
    const root = engine.rootRest(path);
    // A 404 is control flow, not a bug: skip the stack trace, which costs more than the lookup.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      if (root === null) return new Resolver404(path);
      return new Resolver404(root.rest, (): TriedPattern[][] => engine.triedFor(path));
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  /**
   * Build the URL of a named pattern (or of a view function), as Django's `reverse()`: namespaces
   * as `app:name`, `currentApp` picking the instance, arguments re-checked against the pattern,
   * percent-encoded.
   *
   * @throws {NoReverseMatch} when no pattern of that name accepts the arguments.
   * @example
   * resolver.reverse('blog:post', { kwargs: { pk: 7 } }); // '/blog/7/'
   */
  // Plain overloads (no conditional rest tuple) keep each call cheap to type-check: the name is
  // checked once against the names, the arguments by an indexed access.
  reverse<N extends keyof ReverseMap<E> & string>(
    viewname: N,
    options: ReverseOptions & { kwargs: ReverseMap<E>[N]; args?: undefined },
  ): string;
  reverse<N extends OptionalArgNames<ReverseMap<E>>>(
    viewname: N,
    options?: ReverseOptions & { kwargs?: ReverseMap<E>[N]; args?: readonly unknown[] },
  ): string;
  // Kept apart from the kwargs overload on purpose: a union of options costs more to check.
  reverse<N extends keyof ReverseMap<E> & string>(
    viewname: N,
    // eslint-disable-next-line @typescript-eslint/unified-signatures
    options: ReverseOptions & { args: readonly unknown[]; kwargs?: undefined },
  ): string;
  reverse(
    view: View,
    options?: ReverseOptions & { args?: readonly unknown[]; kwargs?: Record<string, unknown> },
  ): string;
  reverse(viewname: string | View, options?: object): string {
    this.#reverseEngine ??= new ReverseEngine(
      this,
      this.#options.scriptPrefix,
      this.#options.generateCode !== false,
    );
    return this.#reverseEngine.reverse(viewname, options);
  }

  /** The route or regex as written and, for an include, its namespace. */
  describe(): string {
    const source = this.pattern === null ? '^/' : this.pattern.source;
    return this.namespace === null ? `'${source}'` : `'${source}' [namespace='${this.namespace}']`;
  }

  toString(): string {
    return `<URLResolver ${this.describe()} (${this.urlpatterns.length} patterns)>`;
  }
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

/**
 * Make the root resolver of a urlconf. Its `resolve()` takes a path starting with `/`.
 *
 * @example
 * const resolver = createResolver([path('', home, { name: 'home' })]);
 * resolver.resolve('/').view === home; // true
 */
export function createResolver<const T extends readonly AnyNode[]>(
  urlpatterns: T,
  options: ResolverOptions = {},
): URLResolver<EntriesOfNodes<T[number]>> {
  return new URLResolver(null, urlpatterns, {}, null, null, options);
}

/**
 * The reverse entries of a union of nodes.
 *
 * @example
 * type E = EntriesOfNodes<URLPattern<'home', Record<never, never>>>; // { name: 'home'; params: … }
 */
// An indexed access through the nodes' phantoms, not a conditional type inferring each node's
// type arguments: a 20-route include() then costs ~370 instantiations instead of ~600, and the
// root createResolver() of 50 includes half as many (`pnpm bench:types`, 1,000 routes).
export type EntriesOfNodes<T extends AnyNode> = NonNullable<T['__reverse']>['entries'];
