/**
 * Template inheritance at render time: `{% block %}` with the most derived definition winning,
 * `{{ block.super }}`, and `{% extends %}` finding and rendering the parent (through the compiled
 * tag's `ExtendsLink`, or looked up every time from the tree walker).
 *
 * @module
 */
import { TemplateSyntaxError } from '../../template-syntax-error.js';
import type { Context } from '../context.js';
import { BlockContext, NO_BLOCKS, withBlocks } from './block-context.js';
import { findParent, parentName, unwrapTemplate, type ExtendsLink } from './extends-link.js';
import {
  locate,
  type MissingInfo,
  type RenderFunction,
  type RenderResult,
  type RenderState,
  type RuntimeTemplate,
} from './render-state.js';
import { markSafe } from '@reins/core';

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
  const offset = bc === null ? -1 : bc.take(name);
  if (offset === -1) {
    result = own(ctx, s, autoescape, new BlockRef(name, own, ctx, s, autoescape)) as string;
  } else {
    const fn = bc!.found!;
    result = fn(ctx, s, autoescape, new BlockRef(name, fn, ctx, s, autoescape)) as string;
    bc!.giveBack(name, offset);
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
  const offset = bc === null ? -1 : bc.take(name);
  if (offset === -1) {
    result = await own(ctx, s, autoescape, new BlockRef(name, own, ctx, s, autoescape));
  } else {
    const fn = bc!.found!;
    result = await fn(ctx, s, autoescape, new BlockRef(name, fn, ctx, s, autoescape));
    bc!.giveBack(name, offset);
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
  return blk.s.bc.has(blk.name);
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

/** Make `table` this render's block table, then render the parent. */
function renderWith(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  parent: RuntimeTemplate,
  main: RenderFunction,
  bc: BlockContext | null,
  table: BlockContext['table'],
): RenderResult {
  if (bc === null) s.bc = new BlockContext(table);
  else bc.table = table;
  if (s.engine.hasRenderListeners) s.engine.emitRendered(parent, ctx);
  return main(ctx, s, autoescape);
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
  const parent =
    unwrapTemplate(parentValue) ?? findParent(s, parentName(parentValue, variable, info), self);
  const compiled = parent.compiled(async);
  const bc = s.bc;
  let table = withBlocks(bc === null ? NO_BLOCKS : bc.table, blocks);
  if (!parent.isChild) table = withBlocks(table, compiled.blocks);
  return renderWith(ctx, s, autoescape, parent, compiled.main, bc, table);
}

/** Render the parent of a compiled `{% extends %}` through its link. */
function renderLinkedParent(
  async: boolean,
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  parentValue: unknown,
  link: ExtendsLink,
  blocks: Record<string, RenderFunction>,
  self: RuntimeTemplate,
): RenderResult {
  const parent = link.parent(s, parentValue, self);
  const compiled = parent.compiled(async);
  const bc = s.bc;
  const table = link.table(
    bc === null ? NO_BLOCKS : bc.table,
    blocks,
    parent.isChild ? null : compiled.blocks,
  );
  return renderWith(ctx, s, autoescape, parent, compiled.main, bc, table);
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

/** A compiled `{% extends %}` (sync). */
export function extendLinked(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  parentValue: unknown,
  link: ExtendsLink,
  blocks: Record<string, RenderFunction>,
  self: RuntimeTemplate,
): string {
  return renderLinkedParent(false, ctx, s, autoescape, parentValue, link, blocks, self) as string;
}

/** A compiled `{% extends %}` (async). */
export function extendLinkedAsync(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  parentValue: unknown,
  link: ExtendsLink,
  blocks: Record<string, RenderFunction>,
  self: RuntimeTemplate,
): RenderResult {
  return renderLinkedParent(true, ctx, s, autoescape, parentValue, link, blocks, self);
}
