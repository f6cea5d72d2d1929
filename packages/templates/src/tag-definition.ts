/**
 * The public API for tags with their own syntax (Django's `@register.tag`): a compile function
 * reads the tag's arguments and, for block tags, its body up to the end tag, and returns a node
 * whose `render` runs at render time, sync or async.
 *
 * @module
 */
import type { TemplateSyntaxError } from './template-syntax-error.js';

/** A `{% … %}` token as a tag's compile function sees it. */
export interface TagToken {
  /** The text between `{%` and `%}`, stripped (Django's `token.contents`). */
  readonly contents: string;
  /** 1-based line of the tag in its template. */
  readonly line: number;
  /** Django's `token.split_contents()`: split on spaces, quoted strings kept whole. */
  splitContents(): string[];
}

/**
 * A filter expression compiled by the engine (`parser.compileFilter('value|date:"Y"')`); its value
 * is read at render time with `context.resolve()`. Belongs to the node of the tag that compiled it.
 */
export interface TagExpression {
  /** The expression's source text. */
  readonly text: string;
}

/** A parsed piece of template (a tag's body), rendered at render time with `context.renderNodes()`. */
export interface TagNodeList {
  /** How many nodes (text, variables and tags) the list holds. */
  readonly length: number;
}

/** What a tag's compile function receives to read the template (Django's `Parser`). */
export interface TagParser {
  /** The name the tag was registered (and written) under. */
  readonly tagName: string;
  /** The name of the template being compiled (`undefined` for templates from strings). */
  readonly templateName: string | undefined;
  /** Compile a filter expression such as `item.name|default:"none"` (Django's `compile_filter`). */
  compileFilter(text: string): TagExpression;
  /**
   * Parse the template up to the first tag named in `until` (left unconsumed: read it with
   * `nextToken()`), e.g. `parse(['else', 'endcache'])`. Fails with Django's "Unclosed tag" error
   * when none follows.
   */
  parse(until: readonly string[]): TagNodeList;
  /** Consume and return the next token (after `parse()`, the end or intermediate tag found). */
  nextToken(): TagToken;
  /** Skip everything up to and including `{% endTag %}` (e.g. for a comment-like tag). */
  skipPast(endTag: string): void;
  /** A `TemplateSyntaxError` located at the tag; `throw parser.error('…')`. */
  error(message: string): TemplateSyntaxError;
}

/** What a node's `render` receives (Django's render `context`). */
export interface TagRenderContext {
  /** Whether autoescaping is on at the tag. */
  readonly autoescape: boolean;
  /** Whether the template is being rendered with `renderAsync()` (promises may be returned). */
  readonly isAsync: boolean;
  /** The request the template is rendered for, if any. */
  readonly request: unknown;
  /**
   * The value of an expression this node compiled (Django's `FilterExpression.resolve(context)`:
   * a missing variable gives the engine's `stringIfInvalid`, or `''`). A promise only when
   * rendering async.
   */
  resolve(expression: TagExpression): unknown;
  /**
   * A variable as the template sees it at the tag (loop and `with` variables included), without
   * calling or awaiting it; `undefined` when missing.
   */
  get(name: string): unknown;
  /** Every variable visible at the tag, innermost scope winning. */
  flatten(): Record<string, unknown>;
  /** Render a body this node parsed; a promise only when rendering async. */
  renderNodes(nodes: TagNodeList): string | Promise<string>;
}

/** What a compile function returns: the node that renders the tag. */
export interface TagNode {
  /**
   * Render the tag. The result is output as is (already escaped where it should be, as Django's
   * `Node.render`), or — when `asVar` is set — stored in that variable with nothing output. May
   * return a promise when `context.isAsync`; in a sync `render()` a promise fails with a message
   * to use `renderAsync()`.
   */
  render(context: TagRenderContext): unknown;
  /** A variable that receives the rendered value instead of the output (`{% tag … as name %}`). */
  readonly asVar?: string | undefined;
}

/**
 * A tag's compile function (Django's `def do_tag(parser, token)`), registered with
 * `Library.tag(name, compile)`.
 *
 * @example
 * const upper: TagCompileFunction = (parser) => {
 *   const body = parser.parse(['endupper']);
 *   parser.nextToken();
 *   return {
 *     render(context) {
 *       const text = context.renderNodes(body);
 *       return typeof text === 'string' ? text.toUpperCase() : text.then((t) => t.toUpperCase());
 *     },
 *   };
 * };
 */
export type TagCompileFunction = (parser: TagParser, token: TagToken) => TagNode;
