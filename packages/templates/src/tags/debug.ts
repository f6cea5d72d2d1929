/**
 * `{% debug %}`: the context, escaped — only when the engine's `debug` is on (Django prints
 * nothing unless `settings.DEBUG`, which is the default of an engine's `debug`).
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import type { Context } from '../internal/context.js';
import type { RenderState } from '../internal/runtime/render-state.js';
import { escapeHtml as fastEscape, pyRepr } from '@reins/core';

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
  return `o += $debug(ctx, s, ${compiler.snapshot(scope)});\n`;
}

/** `{% debug %}`: the context, scope by scope, in debug mode; nothing otherwise. */
export function debugText(
  ctx: Context,
  s: RenderState,
  snapshot: Record<string, unknown> | null,
): string {
  if (!s.engine.debug) return '';
  const scopes = snapshot === null ? ctx.scopes : [...ctx.scopes, snapshot];
  return fastEscape(scopes.map((scope) => pyRepr(scope)).join('\n\n'));
}

/** How the compiler and tree walks handle a `{% debug %}` node. */
export const debugNode: BuiltinNodeKind<DebugNode> = {
  compile: compileDebug,
};
