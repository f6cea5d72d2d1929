/**
 * Render time of `{% debug %}`: the context, scope by scope.
 *
 * @module
 */
import type { Context } from '../internal/context.js';
import { fastEscape } from '../internal/fast-escape.js';
import { pyRepr } from '../internal/python-str.js';

/** `{% debug %}`: the context, scope by scope. */
export function debugText(ctx: Context, snapshot: Record<string, unknown> | null): string {
  const scopes = snapshot === null ? ctx.scopes : [...ctx.scopes, snapshot];
  return fastEscape(scopes.map((scope) => pyRepr(scope)).join('\n\n'));
}
