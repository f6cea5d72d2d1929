/**
 * Custom tags and filters (`Library`), registered in code and made available to templates with
 * `{% load name %}` (engine option `libraries`) or everywhere (engine option `builtins`).
 *
 * @module
 */
import type { FilterContext, FilterSpec } from './filters/filter-spec.js';
import type { TagCompileFunction } from './tag-definition.js';

/** What a `takesContext` tag receives: read access to the template context at the tag. */
export interface TagContext {
  /** Look a variable up as the template would (innermost scope first); `undefined` when missing. */
  get(name: string): unknown;
  /** Whether autoescaping is on at the tag. */
  readonly autoescape: boolean;
  /** The request the template is rendered for, if any. */
  readonly request: unknown;
  /** Every variable visible at the tag, innermost scope winning. */
  flatten(): Record<string, unknown>;
}

/** Options of `Library.filter()` (Django's `@register.filter` flags). */
export interface FilterOptions {
  /** A safe input keeps its output safe. */
  isSafe?: boolean;
  /** The filter receives `ctx.autoescape` and escapes its own input. */
  needsAutoescape?: boolean;
  /** Informational; JS dates are already local. */
  expectsLocaltime?: boolean;
  /** Whether the filter takes an argument; by default `'none'` for `fn.length <= 1`, else `'required'`. */
  arg?: FilterSpec['arg'];
}

/** Options of `simpleTag()` and `inclusionTag()`. */
export interface TagOptions {
  /** Pass a `TagContext` as the first argument. */
  takesContext?: boolean;
}

/** A registered simple or inclusion tag: a function called with the tag's arguments. */
export type CallTagDefinition =
  | { kind: 'simple'; fn: (...args: unknown[]) => unknown; takesContext: boolean }
  | {
      kind: 'inclusion';
      templateName: string;
      fn: (...args: unknown[]) => Record<string, unknown> | Promise<Record<string, unknown>>;
      takesContext: boolean;
    };

/** A registered tag, as the parser sees it. */
export type TagDefinition = CallTagDefinition | { kind: 'tag'; compile: TagCompileFunction };

/**
 * A set of custom filters and tags. Tags receive their positional arguments, then — when the
 * template passed any `key=value` arguments — one object holding them.
 *
 * @example
 * const library = new Library()
 *   .filter('shout', (value) => `${String(value)}!`)
 *   .simpleTag('greet', (name) => `Hello, ${String(name)}`);
 * const engine = new Engine({ libraries: { extras: library } });
 * engine.fromString('{% load extras %}{% greet "Ann" %} {{ "hi"|shout }}').render(); // 'Hello, Ann hi!'
 */
export class Library {
  /** Filters by name. */
  readonly filters: Record<string, FilterSpec> = Object.create(null) as Record<string, FilterSpec>;
  /** Tags by name. */
  readonly tags: Record<string, TagDefinition> = Object.create(null) as Record<
    string,
    TagDefinition
  >;

  /** Register a filter `fn(value, arg, { autoescape })`, or a complete `FilterSpec`. */
  filter(
    name: string,
    fn: ((value: unknown, arg: unknown, ctx: FilterContext) => unknown) | FilterSpec,
    options: FilterOptions = {},
  ): this {
    if (typeof fn !== 'function') {
      this.filters[name] = fn;
      return this;
    }
    this.filters[name] = {
      fn,
      isSafe: options.isSafe ?? false,
      needsAutoescape: options.needsAutoescape ?? false,
      expectsLocaltime: options.expectsLocaltime ?? false,
      arg: options.arg ?? (fn.length <= 1 ? 'none' : 'required'),
    };
    return this;
  }

  /**
   * Register a tag with its own syntax (Django's `@register.tag`): `compile(parser, token)` reads
   * the arguments and, for a block tag, the body up to its end tag, and returns the node that
   * renders it. See `TagParser`, `TagNode` and the README's "Writing a tag".
   *
   * @example
   * library.tag('shout', (parser, token) => {
   *   const value = parser.compileFilter(token.splitContents()[1] ?? '""');
   *   return { render: (context) => `${String(context.resolve(value))}!` };
   * });
   */
  tag(name: string, compile: TagCompileFunction): this {
    this.tags[name] = { kind: 'tag', compile };
    return this;
  }

  /** Register a tag whose return value is output (escaped unless safe), or stored with `as var`. */
  simpleTag(name: string, fn: (...args: never[]) => unknown, options: TagOptions = {}): this {
    this.tags[name] = {
      kind: 'simple',
      fn: fn as (...args: unknown[]) => unknown,
      takesContext: options.takesContext ?? false,
    };
    return this;
  }

  /** Register a tag that renders `templateName` with the object `fn` returns as its context. */
  inclusionTag(
    name: string,
    templateName: string,
    fn: (...args: never[]) => Record<string, unknown> | Promise<Record<string, unknown>>,
    options: TagOptions = {},
  ): this {
    this.tags[name] = {
      kind: 'inclusion',
      templateName,
      fn: fn as (...args: unknown[]) => Record<string, unknown>,
      takesContext: options.takesContext ?? false,
    };
    return this;
  }
}
