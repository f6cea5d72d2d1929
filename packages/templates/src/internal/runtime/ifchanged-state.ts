/**
 * Where an `{% ifchanged %}` outside a loop of its own template keeps what it last saw. Django
 * stores it on the context's `forloop` (`IfChangedNode._get_context_stack_frame`), so an
 * `{% ifchanged %}` in an included template compares across the iterations of the loop the
 * include sits in (#23516), per include site (#27974); without a `forloop`, on the render.
 *
 * @module
 */
import type { Context } from '../context.js';
import type { RenderState } from './render-state.js';

/** A slot an `{% ifchanged %}` reads and writes. */
export interface IfchangedSlot {
  v: unknown;
}

// Keyed by the `forloop` object's `parentloop`: reins makes a `forloop` object per iteration, and
// its `parentloop` is one object for every iteration of a loop run, as Django's one `forloop` dict.
const byLoopRun = new WeakMap<object, Map<string, IfchangedSlot>>();

/**
 * The slot of `{% ifchanged %}` number `id` of the template `s` renders; `node` names it across
 * templates (a template and the one it extends number their nodes apart).
 */
export function ifchangedState(
  ctx: Context,
  s: RenderState,
  id: number,
  node: string,
): IfchangedSlot {
  const forloop = ctx.get('forloop') as { parentloop?: unknown } | undefined;
  const run = forloop?.parentloop;
  if (s.parent !== null && typeof run === 'object' && run !== null) {
    let slots = byLoopRun.get(run);
    if (slots === undefined) byLoopRun.set(run, (slots = new Map<string, IfchangedSlot>()));
    const key = `${s.site}|${node}`;
    let slot = slots.get(key);
    if (slot === undefined) slots.set(key, (slot = { v: undefined }));
    return slot;
  }
  return ((s.rc[id] as IfchangedSlot | undefined) ??= { v: undefined });
}
