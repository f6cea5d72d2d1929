/**
 * `Library.simpleTag()` and `Library.inclusionTag()` tags at render time: their arguments (with a
 * `TagContext` first when they take the context), and the inclusion template's render.
 *
 * @module
 */
import { isThenable } from '@reins/core';
import type { CallTagDefinition, TagContext } from '../../library.js';
import { Context } from '../context.js';
import { childState } from './include.js';
import { needsAsync, type RenderState } from './render-state.js';

function tagContext(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  snapshot: Record<string, unknown> | null,
): TagContext {
  const view = snapshot === null ? ctx : new Context([...ctx.scopes, snapshot]);
  return {
    get: (name: string) => view.get(name),
    autoescape: autoescape,
    request: s.request,
    flatten: () => view.flatten(),
  };
}

function tagArgs(
  tag: CallTagDefinition,
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  snapshot: Record<string, unknown> | null,
): unknown[] {
  const all = kwargs === null ? args : [...args, kwargs];
  return tag.takesContext ? [tagContext(ctx, s, autoescape, snapshot), ...all] : all;
}

/** A `simpleTag` call; the compiled code outputs or stores the result. */
export function callSimpleTag(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  tag: CallTagDefinition,
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  snapshot: Record<string, unknown> | null,
): unknown {
  return tag.fn(...tagArgs(tag, ctx, s, autoescape, args, kwargs, snapshot));
}

function inclusionContext(ctx: Context, values: Record<string, unknown>): Context {
  const scope: Record<string, unknown> = { ...values };
  const token = ctx.get('csrf_token');
  if (token !== undefined && token !== null) scope['csrf_token'] = token;
  return new Context([scope]);
}

/** An `inclusionTag` call (sync). */
export function renderInclusionTag(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  tag: CallTagDefinition & { kind: 'inclusion' },
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  snapshot: Record<string, unknown> | null,
): string {
  const values = tag.fn(...tagArgs(tag, ctx, s, autoescape, args, kwargs, snapshot));
  if (isThenable(values)) throw needsAsync();
  const template = s.engine.findTemplate(tag.templateName, []);
  const inner = inclusionContext(ctx, values);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(template, inner);
  return template.compiled(false).main(inner, childState(s, template), autoescape) as string;
}

/** An `inclusionTag` call (async). */
export async function renderInclusionTagAsync(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  tag: CallTagDefinition & { kind: 'inclusion' },
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  snapshot: Record<string, unknown> | null,
): Promise<string> {
  const values = await tag.fn(...tagArgs(tag, ctx, s, autoescape, args, kwargs, snapshot));
  const template = s.engine.findTemplate(tag.templateName, []);
  const inner = inclusionContext(ctx, values);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(template, inner);
  return template.compiled(true).main(inner, childState(s, template), autoescape);
}
