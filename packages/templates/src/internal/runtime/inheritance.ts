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

/**
 * Call the definition of block `name` that `take` found (`own` when it found none, offset -1),
 * with a `BlockRef` if it takes one.
 */
function callDefinition(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  name: string,
  own: RenderFunction,
  ownRef: boolean,
  offset: number,
): RenderResult {
  let fn = own;
  let ref = ownRef;
  if (offset !== -1) ({ fn, ref } = s.bc!.found!);
  return fn(ctx, s, autoescape, ref ? new BlockRef(name, fn, ctx, s, autoescape) : undefined);
}

/** What a block does before its definition renders: its scope, and Django's `pop`. */
function enter(
  ctx: Context,
  s: RenderState,
  name: string,
  snapshot: Record<string, unknown> | null,
): number {
  if (snapshot !== null) ctx.push(snapshot);
  return s.bc === null ? -1 : s.bc.take(name);
}

/** What a block does after: Django's `push`, and its scope gone. */
function leave(
  ctx: Context,
  s: RenderState,
  name: string,
  offset: number,
  snapshot: Record<string, unknown> | null,
): void {
  if (offset !== -1) s.bc!.giveBack(name, offset);
  if (snapshot !== null) ctx.pop();
}

/**
 * Render `{% block name %}` (sync). `ownRef` is false when `own` takes no `BlockRef` (a compiled
 * block that does not read `block` but as `block.super`).
 */
export function renderBlock(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  name: string,
  own: RenderFunction,
  snapshot: Record<string, unknown> | null,
  ownRef = true,
): string {
  const offset = enter(ctx, s, name, snapshot);
  const result = callDefinition(ctx, s, autoescape, name, own, ownRef, offset) as string;
  leave(ctx, s, name, offset, snapshot);
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
  ownRef = true,
): Promise<string> {
  const offset = enter(ctx, s, name, snapshot);
  const result = await callDefinition(ctx, s, autoescape, name, own, ownRef, offset);
  leave(ctx, s, name, offset, snapshot);
  return result;
}

function checkSuper(s: RenderState, name: string, info?: MissingInfo): boolean {
  if (s.bc === null) {
    const error = new TemplateSyntaxError(
      "'BlockNode' object has no attribute 'context'. Did you use {{ block.super }} in a base template?",
    );
    throw info === undefined ? error : locate(error, info);
  }
  return s.bc.has(name);
}

/** `{{ block.super }}` (sync). */
export function renderBlockSuper(blk: BlockRef, info?: MissingInfo): unknown {
  return renderSuper(blk.ctx, blk.s, blk.autoescape, blk.name, blk.fn, info);
}

/**
 * `{{ block.super }}` in the block `name` whose definition `fn` is being rendered with `ctx`, `s`
 * and `autoescape` (what its `BlockRef` holds), sync.
 */
export function renderSuper(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  name: string,
  fn: RenderFunction,
  info?: MissingInfo,
): unknown {
  if (!checkSuper(s, name, info)) return '';
  return markSafe(renderBlock(ctx, s, autoescape, name, fn, null));
}

/** {@link renderSuper}, async. */
export async function renderSuperAsync(
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  name: string,
  fn: RenderFunction,
  info?: MissingInfo,
): Promise<unknown> {
  if (!checkSuper(s, name, info)) return '';
  return markSafe(await renderBlockAsync(ctx, s, autoescape, name, fn, null));
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

/**
 * `{% extends %}` of the tree walker: the parent looked up every time and the block table built
 * every time (a walked template is cold).
 */
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
  const parent =
    unwrapTemplate(parentValue) ?? findParent(s, parentName(parentValue, variable, info), self);
  const compiled = parent.compiled(false);
  const bc = s.bc;
  let table = withBlocks(bc === null ? NO_BLOCKS : bc.table, blocks);
  if (!parent.isChild) table = withBlocks(table, compiled.blocks);
  return renderWith(ctx, s, autoescape, parent, compiled.main, bc, table) as string;
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
