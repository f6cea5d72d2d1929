/**
 * `ResolverMatch`: what `resolve()` returns (Django's `ResolverMatch`). The per-request part (view,
 * positional args, kwargs) is stored on the instance; everything fixed per pattern (name, route,
 * namespaces, view name, extra kwargs) is shared and read through getters, so a match is cheap.
 *
 * @module
 */
import type { TriedPattern } from './errors.js';
import type { View } from './route-params.js';

/** The per-pattern facts a match shares with every other match of the same pattern. */
export interface MatchInfo {
  readonly urlName: string | null;
  readonly route: string;
  readonly appNames: readonly string[];
  readonly namespaces: readonly string[];
  readonly appName: string;
  readonly namespace: string;
  readonly viewName: string;
  readonly extraKwargs: Readonly<Record<string, unknown>>;
}

/** What a match shares with the other matches of its pattern (or of its static path). */
export interface MatchRecord {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly view: View<any>;
  readonly args: readonly (string | undefined)[];
  readonly info: MatchInfo;
  readonly source: TriedSource;
  /** Precomputed kwargs, copied on first access by a match that has none of its own. */
  readonly template: Readonly<Record<string, unknown>> | null;
}

/** Computes the `tried` list for a path on demand. */
export interface TriedSource {
  triedFor(path: string): TriedPattern[][];
}

/**
 * The result of a successful `resolve()`: the view to call and its arguments, plus the pattern's
 * name, route and namespaces. Structurally a `RequestResolverMatch` for `@reins/http`.
 *
 * @example
 * const match = resolver.resolve('/articles/2024/');
 * match.view(request, match.kwargs, ...match.args);
 * match.viewName; // 'news:year-archive'
 */
export class ResolverMatch<Params = Record<string, unknown>> {
  readonly #record: MatchRecord;
  #kwargs: Params | undefined;
  readonly #path: string;

  /**
   * `record` is shared by every match of the pattern (or of the static path); `kwargs` is the
   * match's own object, or null to copy the record's `template` on first access, so a static hit
   * whose kwargs are never read (an APPEND_SLASH check, say) allocates nothing but the match.
   */
  constructor(record: MatchRecord, kwargs: Params | null, path: string) {
    this.#record = record;
    this.#kwargs = kwargs ?? undefined;
    this.#path = path;
  }

  /** The view to call. */
  get view(): View<Params> {
    return this.#record.view as View<Params>;
  }
  /** Positional captures (only from a `rePath()` regex without named groups). */
  get args(): readonly (string | undefined)[] {
    return this.#record.args;
  }
  /** Converted captures and extra kwargs, merged as Django does (a fresh object per match). */
  get kwargs(): Params {
    let kwargs = this.#kwargs;
    if (kwargs === undefined) {
      kwargs = this.#kwargs = { ...this.#record.template } as Params;
    }
    return kwargs;
  }

  /** Django's `func`. */
  get func(): View<Params> {
    return this.view;
  }
  /** The pattern's name, or null. */
  get urlName(): string | null {
    return this.#record.info.urlName;
  }
  /** The full route, include prefixes joined (`blog/<int:pk>/`). */
  get route(): string {
    return this.#record.info.route;
  }
  /** Application namespaces, outermost first. */
  get appNames(): readonly string[] {
    return this.#record.info.appNames;
  }
  /** `appNames` joined with `:`. */
  get appName(): string {
    return this.#record.info.appName;
  }
  /** Instance namespaces, outermost first. */
  get namespaces(): readonly string[] {
    return this.#record.info.namespaces;
  }
  /** `namespaces` joined with `:`. */
  get namespace(): string {
    return this.#record.info.namespace;
  }
  /** Namespaces and the URL name (or the view's name) joined with `:`, e.g. `blog:post`. */
  get viewName(): string {
    return this.#record.info.viewName;
  }
  /** The extra kwargs of the include chain and the pattern, merged. */
  get extraKwargs(): Readonly<Record<string, unknown>> {
    return this.#record.info.extraKwargs;
  }
  /** Every pattern tried before this one, then this one (computed on first access). */
  get tried(): TriedPattern[][] {
    return this.#record.source.triedFor(this.#path);
  }

  /** `const [view, args, kwargs] = match`, as Django's tuple unpacking. */
  *[Symbol.iterator](): Generator<unknown> {
    yield this.view;
    yield this.args;
    yield this.kwargs;
  }

  toJSON(): Record<string, unknown> {
    return {
      viewName: this.viewName,
      args: this.args,
      kwargs: this.kwargs,
      urlName: this.urlName,
      route: this.route,
      appNames: this.appNames,
      namespaces: this.namespaces,
    };
  }
}
