/**
 * Render time of `Library.tag()` tags: the `TagRenderContext` a node's `render` receives, over the
 * closures the compiler generated for the expressions and bodies the tag compiled.
 *
 * @module
 */
import type { TagExpression, TagNodeList, TagRenderContext } from '../../tag-definition.js';
import type { Context } from '../context.js';
import type { RenderState } from './render-state.js';
import { OwnedTagExpression, OwnedTagNodeList, type TagRecord } from '../tag-record.js';
import { pyStr } from '@reins/core';

type ExpressionAt = (index: number) => unknown;
type BodyAt = (index: number) => string | Promise<string>;
type Locals = () => Record<string, unknown>;

class LibraryTagContext implements TagRenderContext {
  constructor(
    private readonly record: TagRecord,
    private readonly context: Context,
    private readonly state: RenderState,
    readonly autoescape: boolean,
    private readonly expressionAt: ExpressionAt | null,
    private readonly bodyAt: BodyAt | null,
    private readonly locals: Locals | null,
  ) {}

  get(name: string): unknown {
    const locals = this.locals?.();
    if (locals !== undefined && Object.hasOwn(locals, name) && locals[name] !== undefined) {
      return locals[name];
    }
    return this.context.get(name);
  }

  flatten(): Record<string, unknown> {
    const flat = this.context.flatten();
    const locals = this.locals?.() ?? {};
    for (const name of Object.keys(locals))
      if (locals[name] !== undefined) flat[name] = locals[name];
    return flat;
  }

  get isAsync(): boolean {
    return this.state.asyncMode;
  }

  get request(): unknown {
    return this.state.request;
  }

  resolve(expression: TagExpression): unknown {
    if (!(expression instanceof OwnedTagExpression) || expression.owner !== this.record) {
      throw new TypeError(
        `Tag '${this.record.name}' resolved an expression it did not compile: resolve only what this tag's parser.compileFilter() returned.`,
      );
    }
    return this.expressionAt!(expression.index);
  }

  renderNodes(nodes: TagNodeList): string | Promise<string> {
    if (!(nodes instanceof OwnedTagNodeList) || nodes.owner !== this.record) {
      throw new TypeError(
        `Tag '${this.record.name}' rendered nodes it did not parse: render only what this tag's parser.parse() returned.`,
      );
    }
    return this.bodyAt!(nodes.index);
  }
}

/** Call a library tag node's `render`; the compiled code awaits (async) or rejects (sync) a promise. */
export function libraryTag(
  record: TagRecord,
  context: Context,
  state: RenderState,
  autoescape: boolean,
  expressionAt: ExpressionAt | null,
  bodyAt: BodyAt | null,
  locals: Locals | null,
): unknown {
  return record.node!.render(
    new LibraryTagContext(record, context, state, autoescape, expressionAt, bodyAt, locals),
  );
}

/** A library tag's output: its text as is (`None` and `undefined` output nothing). */
export function libraryTagText(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : pyStr(value);
}
