/**
 * `{% debug %}`: the context, escaped.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import type { Context } from '../internal/context.js';
import { fastEscape } from '../internal/fast-escape.js';
import { pyRepr } from '../internal/python-str.js';

/** The parsed `{% debug %}`. */
export interface DebugNode {
  type: 'debug';
  token: Token;
}

/** Parse `{% debug %}`. */
export function parseDebug(_parser: Parser, token: Token): Node | Node[] {
  return { type: 'debug', token };
}

/** Compile `{% debug %}`. */
function compileDebug(node: DebugNode, compiler: Compiler, scope: Scope): string {
  return `o += $debug(ctx, ${compiler.snapshot(scope)});\n`;
}

/** `{% debug %}`: the context, scope by scope. */
export function debugText(ctx: Context, snapshot: Record<string, unknown> | null): string {
  const scopes = snapshot === null ? ctx.scopes : [...ctx.scopes, snapshot];
  return fastEscape(scopes.map((scope) => pyRepr(scope)).join('\n\n'));
}

/** How the compiler and tree walks handle a `{% debug %}` node. */
export const debugNode: BuiltinNodeKind<DebugNode> = {
  compile: compileDebug,
};
