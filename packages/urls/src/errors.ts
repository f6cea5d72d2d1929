/**
 * The errors @reins/urls throws: `Resolver404` when no pattern matches a path, `NoReverseMatch`
 * when `reverse()` cannot build a URL, and `ImproperlyConfigured` for a urlconf mistake caught
 * when `path()`, `rePath()` or `include()` is called. Each carries a stable `code`, is branded
 * with `@reins/core`'s brand constants and has a static `isInstance()` that works across two copies
 * of this package (where `instanceof` would not). `ImproperlyConfigured` is core's one class for
 * every package, re-exported here.
 *
 * @module
 */
import { hasBrand, NO_REVERSE_MATCH_BRAND, RESOLVER_404_BRAND } from '@reins/core';

export { ImproperlyConfigured } from '@reins/core';

/** One pattern in a `tried` chain: the route or regex as written, and its name. */
export interface TriedPattern {
  pattern: string;
  name: string | null;
}

const RESOLVER_404 = RESOLVER_404_BRAND;
const NO_REVERSE_MATCH = NO_REVERSE_MATCH_BRAND;

/**
 * Thrown by `resolve()` when no URL pattern matches: carries the unmatched `path` and the
 * patterns `tried` (each an include chain, outermost first), as the debug 404 page shows them.
 *
 * @example
 * try { resolver.resolve('/nope/'); } catch (error) {
 *   if (Resolver404.isInstance(error)) console.log(error.path, error.tried.length);
 * }
 */
export class Resolver404 extends Error {
  /** Stable identifier, also checked duck-typed by the middleware. */
  readonly code = 'urls.resolver404';
  /** The HTTP status this error maps to, as for Django's `Http404`. */
  readonly status = 404;
  /** The path that did not match, after the root's leading `/` (Django's `path` key). */
  readonly path: string;
  declare readonly [RESOLVER_404]: true;
  #tried: TriedPattern[][] | (() => TriedPattern[][]) | undefined;

  /** @param tried the chains tried, or a function computing them on first access (kept lazy so a 404 stays cheap). */
  constructor(path: string, tried?: TriedPattern[][] | (() => TriedPattern[][])) {
    super(
      `No URL pattern matched '${path}'. Add a path() for it to the urlconf, or check for a typo.`,
    );
    this.name = 'Resolver404';
    this.path = path;
    this.#tried = tried;
  }

  /**
   * Every pattern tried, in order; each entry is the include chain (outermost first) ending with
   * the pattern. Empty when the path never reached the patterns (it did not start with `/`).
   */
  get tried(): TriedPattern[][] {
    const tried = this.#tried;
    if (typeof tried === 'function') {
      const computed = tried();
      this.#tried = computed;
      return computed;
    }
    return tried ?? [];
  }

  /** Whether `tried` has entries (Django's `'tried' in exception.args[0]`). */
  get hasTried(): boolean {
    return this.#tried !== undefined;
  }

  /** Recognise a `Resolver404` from any copy of this package. */
  static isInstance(value: unknown): value is Resolver404 {
    return hasBrand(value, RESOLVER_404);
  }
}
Object.defineProperty(Resolver404.prototype, RESOLVER_404, { value: true });

/**
 * Thrown by `reverse()` when no pattern can produce a URL for the name and arguments given. The
 * message names the view, shows the arguments as JavaScript values and lists every pattern tried.
 *
 * @example
 * try { resolver.reverse('detail', { kwargs: { pk: 'abc' } }); } catch (error) {
 *   if (NoReverseMatch.isInstance(error)) console.log(error.viewName, error.patternsTried);
 * }
 */
export class NoReverseMatch extends Error {
  /** Stable identifier. */
  readonly code = 'urls.no_reverse_match';
  /** The view name (or view function's name) that was being reversed. */
  readonly viewName: string;
  /** The routes and regexes tried, as written (include prefixes joined). */
  readonly patternsTried: readonly string[];
  declare readonly [NO_REVERSE_MATCH]: true;

  constructor(message: string, viewName = '', patternsTried: readonly string[] = []) {
    super(message);
    this.name = 'NoReverseMatch';
    this.viewName = viewName;
    this.patternsTried = patternsTried;
  }

  /** Recognise a `NoReverseMatch` from any copy of this package. */
  static isInstance(value: unknown): value is NoReverseMatch {
    return hasBrand(value, NO_REVERSE_MATCH);
  }
}
Object.defineProperty(NoReverseMatch.prototype, NO_REVERSE_MATCH, { value: true });
