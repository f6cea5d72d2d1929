/**
 * `{% url name args… [as var] %}`: reverse a URL.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Parser, Scope, Token } from './tag-types.js';
import { NO_REVERSE_MATCH_BRAND, pyRepr } from '@reins/core';
import type { FilterExpression } from '../internal/filter-expression.js';
import type { KeywordArguments, Node } from '../internal/nodes.js';
import type { RenderState } from '../internal/runtime/render-state.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { parseCallBits } from '../internal/tag-arguments.js';
import { pythonStr } from '../internal/runtime/output.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% url %}`. */
export interface UrlNode {
  type: 'url';
  view: FilterExpression;
  args: FilterExpression[];
  kwargs: KeywordArguments;
  asVar: string | undefined;
  token: Token;
}

/** Parse `{% url %}`. */
export function parseUrl(parser: Parser, token: Token): Node | Node[] {
  const bits = splitContents(token.contents);
  if (bits.length < 2)
    throw new TemplateSyntaxError(`'${bits[0]!}' takes at least one argument, a URL pattern name.`);
  const view = parser.compileFilter(bits[1]!);
  const { args, kwargs, asVar } = parseCallBits('url', bits.slice(2), parser, true);
  return { type: 'url', view, args, kwargs, asVar, token };
}

/** Compile `{% url %}`. */
function compileUrl(node: UrlNode, compiler: Compiler, scope: Scope): string {
  const t = compiler.temporary();
  const view = compiler.expression(node.view, scope, 'value', node.token);
  const args = node.args.map((a) => compiler.expression(a, scope, 'value', node.token)).join(', ');
  const kwargs = compiler.keywordObject(node.kwargs, scope, node.token);
  const call = `${t} = $url(s, ${view}, [${args}], ${kwargs === 'null' ? '{}' : kwargs}, ${String(node.asVar !== undefined)});\n`;
  return (
    call +
    (node.asVar !== undefined
      ? compiler.assign(node.asVar, scope, t)
      : `o += ${compiler.escapeExpr(t)};\n`)
  );
}

function isNoReverseMatch(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; [k: symbol]: unknown };
  return (
    e.name === 'NoReverseMatch' ||
    e.code === 'urls.no_reverse_match' ||
    e[NO_REVERSE_MATCH_BRAND] === true
  );
}

/** `{% url %}`: reverse through the engine's or the render's `reverse`. */
export function reverseUrl(
  s: RenderState,
  view: unknown,
  args: unknown[],
  kwargs: Record<string, unknown>,
  silent: boolean,
): string {
  const reverse = s.reverse;
  if (reverse === undefined) {
    throw new Error(
      `{% url ${pyRepr(pythonStr(view))} %} needs a reverse function: pass \`reverse\` in the Engine options or in the render options.`,
    );
  }
  const request = s.request as
    { currentApp?: unknown; resolverMatch?: { namespace?: unknown } | null } | undefined;
  const currentApp = (request?.currentApp ?? request?.resolverMatch?.namespace ?? null) as
    string | null;
  const options: {
    args?: unknown[];
    kwargs?: Record<string, unknown>;
    currentApp?: string | null;
  } = { currentApp };
  if (args.length > 0) options.args = args;
  if (Object.keys(kwargs).length > 0) options.kwargs = kwargs;
  try {
    return reverse(pythonStr(view), options);
  } catch (error) {
    if (silent && isNoReverseMatch(error)) return '';
    throw error;
  }
}

/** How the compiler and tree walks handle a `{% url %}` node. */
export const urlNode: BuiltinNodeKind<UrlNode> = {
  compile: compileUrl,
  assigns: (node) => node.asVar,
};
