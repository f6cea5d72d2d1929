/**
 * `{% include %}` at render time: the template named (relative names, lists, template objects),
 * a fresh render state one level deeper, and the context it sees (`with …`, `only`).
 *
 * @module
 */
import { TemplateRecursionError } from '../../template-recursion-error.js';
import { Context } from '../context.js';
import { includedTemplate, type IncludeLink } from './include-link.js';
import { budgetStep } from './render-budget.js';
import type { RenderResult, RenderState, RuntimeTemplate } from './render-state.js';

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

/** Render `template` for an include: its state one level deeper, and the context it sees. */
function renderIncluded(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  template: RuntimeTemplate,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
  outputLength: number,
  site: string,
): RenderResult {
  const state = childState(s, template, outputLength, site);
  const inner = includeContext(ctx, snapshot, extra, only);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(template, inner);
  // An async render runs the async variant of every template (`s.asyncMode`).
  const result = template.compiled(s.asyncMode).main(inner, state, autoescape);
  if (typeof result === 'string') {
    release(ctx, inner, snapshot, extra);
    return result;
  }
  return result.then((output) => {
    release(ctx, inner, snapshot, extra);
    return output;
  });
}

/** The including template's name, its output length so far, and the include's site. */
type IncludeSite = [current: string, outputLength: number, site: string];

/** `{% include %}` of the tree walker (sync), its template looked up every time. */
export function renderInclude(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  value: unknown,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
  ...[current, outputLength, site]: IncludeSite
): string {
  const template = includedTemplate(s, value, current);
  return renderIncluded(
    ctx,
    s,
    autoescape,
    template,
    snapshot,
    extra,
    only,
    outputLength,
    site,
  ) as string;
}

/** A compiled `{% include %}` (sync, or async in an async render), its template found through its link. */
export function renderLinkedInclude(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  value: unknown,
  link: IncludeLink,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
  outputLength: number,
  site: string,
): RenderResult {
  const template = link.template(s, value);
  return renderIncluded(ctx, s, autoescape, template, snapshot, extra, only, outputLength, site);
}
