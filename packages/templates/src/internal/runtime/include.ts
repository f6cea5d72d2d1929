/**
 * `{% include %}` at render time: the template named (relative names, lists, template objects),
 * a fresh render state one level deeper, and the context it sees (`with …`, `only`).
 *
 * @module
 */
import { TemplateDoesNotExist } from '../../template-does-not-exist.js';
import { TemplateRecursionError } from '../../template-recursion-error.js';
import { Context } from '../context.js';
import { constructRelativePath } from '../relative-path.js';
import { unwrapTemplate } from './extends-link.js';
import { iterate } from './iteration.js';
import { pythonStr } from './output.js';
import { budgetStep } from './render-budget.js';
import type { RenderState, RuntimeTemplate } from './render-state.js';
import { isSafe } from '@reins/core';

function includedTemplate(s: RenderState, value: unknown, current: string): RuntimeTemplate {
  const direct = unwrapTemplate(value);
  if (direct !== undefined) return direct;
  if (typeof value === 'string' || isSafe(value)) {
    const name = String(value);
    if (name === '') throw new TemplateDoesNotExist('No template names provided');
    return s.engine.findTemplate(
      name.startsWith('.') ? constructRelativePath(current, name) : name,
      [],
    );
  }
  if (value === null || value === undefined || value === '') {
    throw new TemplateDoesNotExist('No template names provided');
  }
  return s.engine.selectTemplate(iterate(value).map((name) => pythonStr(name)));
}

function chainOf(s: RenderState): string[] {
  const chain: string[] = [];
  for (let state: RenderState | null = s; state !== null; state = state.parent)
    chain.unshift(state.name);
  return chain;
}

/**
 * The state of an included template, one level deeper; an include is a step of the render
 * budget, and `outputLength` is the including template's output so far.
 */
export function childState(
  s: RenderState,
  template: RuntimeTemplate,
  outputLength = 0,
  site = '',
): RenderState {
  const depth = s.depth + 1;
  if (depth > s.engine.maxDepth)
    throw new TemplateRecursionError([...chainOf(s), template.name], s.engine.maxDepth);
  budgetStep(s, outputLength);
  return {
    engine: s.engine,
    rc: {},
    bc: null,
    depth,
    name: template.name,
    parent: s,
    request: s.request,
    reverse: s.reverse,
    history: null,
    asyncMode: s.asyncMode,
    budget: s.budget,
    outputBefore: s.outputBefore + outputLength,
    site: `${s.site}/${site}`,
  };
}

/** The context an included template sees; `release` undoes a push onto the caller's context. */
function includeContext(
  ctx: Context,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
): Context {
  if (only) return new Context([extra ?? {}]);
  const merged = snapshot === null ? extra : extra === null ? snapshot : { ...snapshot, ...extra };
  if (merged !== null) ctx.push(merged);
  return ctx;
}

function release(ctx: Context, inner: Context, snapshot: unknown, extra: unknown): void {
  if (inner === ctx && (snapshot !== null || extra !== null)) ctx.pop();
}

/** What both variants of `{% include %}` do before rendering: the template, its state, its context. */
function prepare(
  ctx: Context,
  s: RenderState,
  value: unknown,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
  [current, outputLength, site]: IncludeSite,
): { template: RuntimeTemplate; state: RenderState; inner: Context } {
  const template = includedTemplate(s, value, current);
  const state = childState(s, template, outputLength, site);
  const inner = includeContext(ctx, snapshot, extra, only);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(template, inner);
  return { template, state, inner };
}

/** The including template's name, its output length so far, and the include's site. */
type IncludeSite = [current: string, outputLength: number, site: string];

/** `{% include %}` (sync). */
export function renderInclude(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  value: unknown,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
  ...where: IncludeSite
): string {
  const { template, state, inner } = prepare(ctx, s, value, snapshot, extra, only, where);
  const result = template.compiled(false).main(inner, state, autoescape) as string;
  release(ctx, inner, snapshot, extra);
  return result;
}

/** `{% include %}` (async). */
export async function renderIncludeAsync(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  value: unknown,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
  ...where: IncludeSite
): Promise<string> {
  const { template, state, inner } = prepare(ctx, s, value, snapshot, extra, only, where);
  const result = await template.compiled(true).main(inner, state, autoescape);
  release(ctx, inner, snapshot, extra);
  return result;
}
