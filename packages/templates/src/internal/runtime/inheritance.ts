/**
 * Template inheritance at render time: Django's `BlockContext`, `{% block %}` with the most
 * derived definition winning, `{{ block.super }}`, and `{% extends %}` finding and rendering the
 * parent.
 *
 * @module
 */
import { TemplateRecursionError } from '../../template-recursion-error.js';
import { TemplateSyntaxError } from '../../template-syntax-error.js';
import type { Context } from '../context.js';
import { pyBool } from '../python-truth.js';
import { pythonStr } from './output.js';
import {
  locate,
  type MissingInfo,
  type RenderFunction,
  type RenderResult,
  type RenderState,
  type RuntimeTemplate,
} from './render-state.js';
import { markSafe, pyRepr } from '@reins/core';

/** Django's `BlockContext`: per block name, the definitions from most basic to most derived. */
export class BlockContext {
  readonly blocks = new Map<string, RenderFunction[]>();

  addBlocks(blocks: Record<string, RenderFunction>): void {
    for (const name of Object.keys(blocks)) {
      const list = this.blocks.get(name);
      if (list === undefined) this.blocks.set(name, [blocks[name]!]);
      else list.unshift(blocks[name]!);
    }
  }

  pop(name: string): RenderFunction | undefined {
    return this.blocks.get(name)?.pop();
  }

  push(name: string, fn: RenderFunction): void {
    const list = this.blocks.get(name);
    if (list === undefined) this.blocks.set(name, [fn]);
    else list.push(fn);
  }

  getBlock(name: string): RenderFunction | undefined {
    return this.blocks.get(name)?.at(-1);
  }
}

/** What `{{ block }}` is inside a block: its name and `super`. */
export class BlockRef {
  constructor(
    readonly name: string,
    readonly fn: RenderFunction,
    readonly ctx: Context,
    readonly s: RenderState,
    readonly autoescape: boolean,
  ) {}
}

/** Render `{% block name %}` (sync). */
export function renderBlock(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  name: string,
  own: RenderFunction,
  snapshot: Record<string, unknown> | null,
): string {
  if (snapshot !== null) ctx.push(snapshot);
  const bc = s.bc;
  let result: string;
  if (bc === null) {
    result = own(ctx, s, autoescape, new BlockRef(name, own, ctx, s, autoescape)) as string;
  } else {
    const popped = bc.pop(name);
    const fn = popped ?? own;
    result = fn(ctx, s, autoescape, new BlockRef(name, fn, ctx, s, autoescape)) as string;
    if (popped !== undefined) bc.push(name, popped);
  }
  if (snapshot !== null) ctx.pop();
  return result;
}

/** Render `{% block name %}` (async). */
export async function renderBlockAsync(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  name: string,
  own: RenderFunction,
  snapshot: Record<string, unknown> | null,
): Promise<string> {
  if (snapshot !== null) ctx.push(snapshot);
  const bc = s.bc;
  let result: string;
  if (bc === null) {
    result = await own(ctx, s, autoescape, new BlockRef(name, own, ctx, s, autoescape));
  } else {
    const popped = bc.pop(name);
    const fn = popped ?? own;
    result = await fn(ctx, s, autoescape, new BlockRef(name, fn, ctx, s, autoescape));
    if (popped !== undefined) bc.push(name, popped);
  }
  if (snapshot !== null) ctx.pop();
  return result;
}

function checkSuper(blk: BlockRef, info?: MissingInfo): boolean {
  if (blk.s.bc === null) {
    const error = new TemplateSyntaxError(
      "'BlockNode' object has no attribute 'context'. Did you use {{ block.super }} in a base template?",
    );
    throw info === undefined ? error : locate(error, info);
  }
  return blk.s.bc.getBlock(blk.name) !== undefined;
}

/** `{{ block.super }}` (sync). */
export function renderBlockSuper(blk: BlockRef, info?: MissingInfo): unknown {
  if (!checkSuper(blk, info)) return '';
  return markSafe(renderBlock(blk.ctx, blk.s, blk.autoescape, blk.name, blk.fn, null));
}

/** `{{ block.super }}` (async). */
export async function renderBlockSuperAsync(blk: BlockRef, info?: MissingInfo): Promise<unknown> {
  if (!checkSuper(blk, info)) return '';
  return markSafe(await renderBlockAsync(blk.ctx, blk.s, blk.autoescape, blk.name, blk.fn, null));
}

function isRuntimeTemplate(value: unknown): value is RuntimeTemplate {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { compiled?: unknown }).compiled === 'function'
  );
}

export function unwrapTemplate(value: unknown): RuntimeTemplate | undefined {
  if (isRuntimeTemplate(value)) return value;
  const inner = (value as { template?: unknown } | null)?.template;
  return isRuntimeTemplate(inner) ? inner : undefined;
}

function parentTemplate(
  s: RenderState,
  value: unknown,
  self: RuntimeTemplate,
  variable: string | null,
  info: MissingInfo | undefined,
): RuntimeTemplate {
  const direct = unwrapTemplate(value);
  if (direct !== undefined) return direct;
  const name = pythonStr(value);
  if (!pyBool(value)) {
    let message = `Invalid template name in 'extends' tag: ${pyRepr(value === undefined ? '' : value)}.`;
    if (variable !== null) message += ` Got this from the '${variable}' variable.`;
    const error = new TemplateSyntaxError(message);
    throw info === undefined ? error : locate(error, info);
  }
  const history = (s.history ??= [self.originName]);
  const parent = s.engine.findTemplate(name, history);
  history.push(parent.originName);
  // Distinct templates can still chain without end (generated names); bound the depth too.
  if (history.length > s.engine.maxDepth) {
    throw new TemplateRecursionError(history, s.engine.maxDepth);
  }
  return parent;
}

/** Register this template's blocks, then render the parent, compiled for sync or async use. */
function renderParent(
  async: boolean,
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  parentValue: unknown,
  blocks: Record<string, RenderFunction>,
  self: RuntimeTemplate,
  variable: string | null,
  info: MissingInfo | undefined,
): RenderResult {
  s.bc ??= new BlockContext();
  s.bc.addBlocks(blocks);
  const parent = parentTemplate(s, parentValue, self, variable, info);
  const compiled = parent.compiled(async);
  if (!parent.isChild) s.bc.addBlocks(compiled.blocks);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(parent, ctx);
  return compiled.main(ctx, s, autoescape);
}

/** `{% extends %}` (sync): register this template's blocks, then render the parent. */
export function extendParent(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  parentValue: unknown,
  blocks: Record<string, RenderFunction>,
  self: RuntimeTemplate,
  variable: string | null,
  info?: MissingInfo,
): string {
  return renderParent(
    false,
    ctx,
    s,
    autoescape,
    parentValue,
    blocks,
    self,
    variable,
    info,
  ) as string;
}

/** `{% extends %}` (async). */
export function extendParentAsync(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  parentValue: unknown,
  blocks: Record<string, RenderFunction>,
  self: RuntimeTemplate,
  variable: string | null,
  info?: MissingInfo,
): RenderResult {
  return renderParent(true, ctx, s, autoescape, parentValue, blocks, self, variable, info);
}
