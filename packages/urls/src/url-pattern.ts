/**
 * `URLPattern`: a leaf of the urlconf, made by `path()` or `rePath()` with a view (Django's
 * `URLPattern`). It holds the matcher, the view, the extra kwargs and the name.
 *
 * @module
 */
import type { AnyPattern } from './internal/route-pattern.js';
import type { View } from './route-params.js';

/**
 * A leaf pattern: route or regex, view, extra kwargs and optional name. The type parameters carry
 * the name and the parameters `reverse()` takes, for typed reversing.
 *
 * @example
 * const pattern = path('articles/<int:year>/', yearArchive, { name: 'year' });
 * pattern.name; // 'year'
 */
export class URLPattern<Name extends string = string, ReverseParams = Record<string, unknown>> {
  readonly kind = 'pattern';
  /** The matcher (route or regex) as compiled at declaration. */
  readonly pattern: AnyPattern;
  /** The view called when this pattern matches. */
  readonly callback: View;
  /** Extra kwargs passed to the view (they win over captured values). */
  readonly defaultArgs: Readonly<Record<string, unknown>>;
  /** The name used by `reverse()`, or null. */
  readonly name: string | null;
  /**
   * @internal phantom type for typed reverse: the entry this pattern gives (none when unnamed),
   * under the same key as `URLResolver`'s entries, so that the entries of a list of nodes are one
   * indexed access (`EntriesOfNodes`) instead of a conditional type with `infer` per node.
   */
  declare readonly __reverse?: {
    entries: [Name] extends [never] ? never : { name: Name; params: ReverseParams };
  };

  constructor(
    pattern: AnyPattern,
    callback: View,
    defaultArgs: Record<string, unknown>,
    name: string | null,
  ) {
    this.pattern = pattern;
    this.callback = callback;
    this.defaultArgs = defaultArgs;
    this.name = name;
  }

  /** Django's `lookup_str`: the view's dotted path; here the function's name. */
  get lookupStr(): string {
    return viewPath(this.callback);
  }

  /** The route or regex plus the name, as Django's checks describe a pattern. */
  describe(): string {
    return this.name === null
      ? `'${this.pattern.source}'`
      : `'${this.pattern.source}' [name='${this.name}']`;
  }

  toString(): string {
    return `<URLPattern ${this.describe()}>`;
  }
}

/** A view's name for `viewName` when the pattern is unnamed. */
export function viewPath(view: unknown): string {
  if (typeof view === 'function' && view.name !== '') return view.name;
  return '<anonymous>';
}
