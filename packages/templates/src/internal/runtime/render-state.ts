/**
 * What every render-time helper shares: the per-render state, the compiled template and engine
 * interfaces it calls through, and the errors for a promise in a sync render and for a located
 * render-time syntax error.
 *
 * @module
 */
import type { ReverseFunction } from '../../engine.js';
import { TemplateSyntaxError } from '../../template-syntax-error.js';
import type { Context } from '../context.js';
import type { BlockContext } from './block-context.js';
import type { BlockRef } from './inheritance.js';
import type { RenderBudget } from '../../render-budget.js';
import type { BudgetState } from './render-budget.js';

export type RenderResult = string | Promise<string>;
export type RenderFunction = (
  ctx: Context,
  s: RenderState,
  autoescape: boolean,
  blk?: BlockRef,
) => RenderResult;

/** One compiled variant (sync or async) of a template. */
export interface CompiledTemplate {
  main: RenderFunction;
  blocks: Record<string, RenderFunction>;
}

/** What the runtime needs from a template. */
export interface RuntimeTemplate {
  readonly name: string;
  readonly originName: string;
  readonly isChild: boolean;
  compiled(asyncMode: boolean): CompiledTemplate;
}

/** What the runtime needs from an engine. */
export interface RuntimeEngine {
  readonly maxDepth: number;
  readonly debug: boolean;
  /** Changes whenever the engine forgets its cached templates: what a link found is then stale. */
  readonly cacheGeneration: number;
  readonly renderBudget: RenderBudget | undefined;
  findTemplate(name: string, skip: string[]): RuntimeTemplate;
  selectTemplate(names: string[]): RuntimeTemplate;
  emitRendered(template: RuntimeTemplate, ctx: Context): void;
  readonly hasRenderListeners: boolean;
}

/** Per-render state; includes get a fresh one, extends share it. */
export interface RenderState {
  engine: RuntimeEngine;
  /** Per-template-render node state (cycles, ifchanged outside loops). */
  rc: Record<number, unknown>;
  bc: BlockContext | null;
  depth: number;
  /** The template being rendered, and the state that included it (for recursion reports). */
  name: string;
  parent: RenderState | null;
  request: unknown;
  reverse: ReverseFunction | undefined;
  history: string[] | null;
  asyncMode: boolean;
  /** The render's budget (shared with includes), `null` without one. */
  budget: BudgetState | null;
  /** Output the including templates had written when this one was included (for the budget). */
  outputBefore: number;
  /**
   * The `{% include %}` sites that led here (`''` at the top): Django keeps one template per
   * include node for the whole render, so node state kept on a loop is per include site.
   */
  site: string;
}

/** The error for a promise met during a sync render. */
export function needsAsync(): Error {
  const error = new Error(
    'The template context holds a promise or an async iterable; render with renderAsync() instead of render().',
  );
  (error as Error & { code: string }).code = 'templates.async_context';
  return error;
}

/** Where a variable is written, for strict-mode and missing-argument errors. */
export interface MissingInfo {
  name: string;
  template: string;
  line: number;
  column: number;
  sourceLine: string;
}

/** Give a syntax error raised while rendering the location of the tag that raised it. */
export function locate(error: unknown, info: MissingInfo): unknown {
  if (TemplateSyntaxError.isInstance(error)) {
    error.setLocation({
      templateName: info.template,
      line: info.line,
      column: info.column,
      sourceLine: info.sourceLine,
    });
  }
  return error;
}
