/**
 * The tree-walking renderer (`interpretTemplate`): a template's first renders walk its parse tree
 * with these shared functions, one per node kind, which every template's renders keep hot; the
 * template is compiled to JavaScript once it is hot (see `hot-threshold.ts`). It gives the
 * `CompiledTemplate` shape the runtime expects, so includes, blocks and extends mix walked and
 * compiled templates freely. Each step mirrors the compiler's generated code for the node (same
 * helpers, same order, same errors).
 *
 * Two other shapes were measured on the benchmark page and dropped: a closure per node (each new
 * closure runs unoptimised until V8 warms it: the first render got 40% slower) and a copy of the
 * tree into instructions of one hidden class (the walk got 8% faster, the first render with
 * Eta in the process about 40% slower).
 *
 * @module
 */
import { escapeHtml } from '@reins/core';
import type { Context } from '../context.js';
import type { Node } from '../nodes.js';
import type { ParsedTemplate } from '../parser.js';
import { renderInclude } from '../runtime/include.js';
import { extendParent, renderBlock } from '../runtime/inheritance.js';
import { iterate, unpackLoopItem } from '../runtime/iteration.js';
import { renderValue, renderVariable } from '../runtime/output.js';
import { budgetStep } from '../runtime/render-budget.js';
import { missingVariable } from '../runtime/lookup.js';
import type {
  CompiledTemplate,
  MissingInfo,
  RenderFunction,
  RenderState,
  RuntimeTemplate,
} from '../runtime/render-state.js';
import { childLists } from '../node-walk.js';
import type { BlockNode } from '../../tags/block.js';
import type { ForNode } from '../../tags/for.js';
import type { IncludeNode } from '../../tags/include.js';
import type { WithNode } from '../../tags/with.js';
import { conditionHolds, expressionValue, operandPath, type Evaluation } from './expressions.js';
import { locationInfo } from './location.js';
import {
  BLOCK,
  BOOLEAN,
  FORLOOP,
  type Frame,
  lastPathKind,
  LOCAL,
  type LoopState,
  nearestLoop,
  NUMBER,
  setKey,
  snapshot,
} from './frames.js';

/** What the renderer needs of the template besides its parse tree. */
interface InterpretOptions {
  templateName: string;
  source: string;
  stringIfInvalid: string;
  strict: boolean;
  /** The engine has a render budget: loops and includes count. */
  budget: boolean;
}

/** One template's parse tree and settings, shared by its renders. */
class Interpreted implements CompiledTemplate {
  readonly blocks: Record<string, RenderFunction> = {};
  readonly main: RenderFunction;
  /** Each block node's function (the same one as in `blocks`). */
  readonly blockFunctions = new Map<BlockNode, RenderFunction>();
  /** Each include node's site name (unique in the template, as the compiler's are). */
  readonly sites = new Map<IncludeNode, string>();
  #extendsInfo: MissingInfo | undefined;

  constructor(
    readonly parsed: ParsedTemplate,
    readonly options: InterpretOptions,
    readonly self: RuntimeTemplate,
  ) {
    for (const node of parsed.nodes) this.#collect(node);
    this.main = parsed.extendsNode === undefined ? this.#main : this.#extend;
  }

  #collect(node: Node): void {
    if (node.type === 'block') {
      const body = node.body;
      const fn: RenderFunction = (ctx, s, ae, blk) => {
        const frame: Frame = { name: 'block', kind: BLOCK, value: blk, parent: null };
        return renderNodes(new Run(ctx, s, this), body, frame, ae, 0);
      };
      this.blockFunctions.set(node, fn);
      this.blocks[node.name] = fn;
    } else if (node.type === 'include') {
      this.sites.set(node, `${this.options.templateName}#i${String(this.sites.size + 1)}`);
    }
    for (const list of childLists(node)) for (const child of list) this.#collect(child);
  }

  readonly #main: RenderFunction = (ctx, s, ae) => {
    return renderNodes(new Run(ctx, s, this), this.parsed.nodes, null, ae, 0);
  };

  readonly #extend: RenderFunction = (ctx, s, ae) => {
    const run = new Run(ctx, s, this);
    const node = this.parsed.extendsNode!;
    const parent = expressionValue(run, node.parent, null, false, ae, node.token);
    const head = node.parent.head;
    const variable =
      head?.kind === 'variable' && node.parent.filters.length === 0 ? head.raw : null;
    this.#extendsInfo ??= locationInfo(run, 'extends', node.token);
    return (
      this.parsed.leadingText +
      extendParent(ctx, s, ae, parent, this.blocks, this.self, variable, this.#extendsInfo)
    );
  };
}

/** One call of a render function: what its nodes' evaluation needs. */
class Run implements Evaluation {
  readonly source: string;
  readonly templateName: string;
  readonly strict: boolean;
  readonly stringIfInvalid: string;
  constructor(
    readonly ctx: Context,
    readonly s: RenderState,
    readonly template: Interpreted,
  ) {
    const options = template.options;
    this.source = options.source;
    this.templateName = options.templateName;
    this.strict = options.strict;
    this.stringIfInvalid = options.stringIfInvalid;
  }
}

/** A render function walking the parse tree (for a template `canInterpret` accepts). */
export function interpretTemplate(
  parsed: ParsedTemplate,
  options: InterpretOptions,
  self: RuntimeTemplate,
): CompiledTemplate {
  return new Interpreted(parsed, options, self);
}

/**
 * The output of a node list. `before` is what the current render function had written before it
 * (the generated function's `o.length`), for the render budget's output check.
 */
function renderNodes(
  run: Run,
  nodes: Node[],
  frame: Frame | null,
  ae: boolean,
  before: number,
): string {
  let o = '';
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    switch (node.type) {
      case 'text':
        o += node.text;
        break;
      case 'var':
        o += renderVar(run, node, frame, ae);
        break;
      case 'if': {
        const branches = node.branches;
        for (let b = 0; b < branches.length; b++) {
          const branch = branches[b]!;
          if (
            branch.condition === undefined ||
            conditionHolds(run, branch.condition, frame, ae, node.token)
          ) {
            o += renderNodes(run, branch.body, frame, ae, before + o.length);
            break;
          }
        }
        break;
      }
      case 'for':
        o += renderFor(run, node, frame, ae, before + o.length);
        break;
      case 'with':
        o += renderWith(run, node, frame, ae, before + o.length);
        break;
      case 'block':
        o += renderBlock(
          run.ctx,
          run.s,
          ae,
          node.name,
          run.template.blockFunctions.get(node)!,
          snapshot(frame),
        );
        break;
      case 'include':
        o += renderIncludeNode(run, node, frame, ae, before + o.length);
        break;
      case 'autoescape':
        o += renderNodes(run, node.body, frame, node.on, before + o.length);
        break;
      case 'extends':
        break;
      default:
        throw new Error(`internal: the interpreter has no '${node.type}' node`);
    }
  }
  return o;
}

function renderVar(
  run: Run,
  node: Node & { type: 'var' },
  frame: Frame | null,
  ae: boolean,
): string {
  const expression = node.expression;
  const head = expression.head;
  if (expression.filters.length === 0 && head !== undefined) {
    if (head.kind === 'literal') return head.raw;
    const value = operandPath(run, head.path, frame, node.token);
    const kind = lastPathKind;
    if (kind === NUMBER) return String(value);
    if (kind === BOOLEAN) return value === true ? 'True' : 'False';
    if (!run.strict && run.stringIfInvalid === '') return renderVariable(value, ae);
    return output(valueOrInvalid(run, value, head.raw, node), ae);
  }
  return output(expressionValue(run, expression, frame, false, ae, node.token), ae);
}

/** A looked-up variable without filters in `value` mode, when strict or with string_if_invalid. */
function valueOrInvalid(
  run: Run,
  value: unknown,
  raw: string,
  node: Node & { type: 'var' },
): unknown {
  if (value !== undefined) return value;
  if (run.strict) return missingVariable(locationInfo(run, raw, node.token));
  return run.stringIfInvalid.replaceAll('%s', raw);
}

function output(value: unknown, ae: boolean): string {
  return typeof value === 'string' ? (ae ? escapeHtml(value) : value) : renderValue(value, ae);
}

function renderFor(
  run: Run,
  node: ForNode,
  frame: Frame | null,
  ae: boolean,
  before: number,
): string {
  const items = iterate(expressionValue(run, node.sequence, frame, true, ae, node.token));
  const n = items.length;
  if (n === 0) return renderNodes(run, node.empty, frame, ae, before);
  const parent = nearestLoop(frame);
  const loop: LoopState = {
    i: 0,
    n,
    parent,
    pl: parent === null ? (run.ctx.get('forloop') ?? {}) : undefined,
    fl: undefined,
  };
  const names = node.loopVars;
  const count = names.length;
  let inner: Frame | null = frame;
  const vars: Frame[] = [];
  for (const name of names) {
    inner = { name, kind: LOCAL, value: undefined, parent: inner };
    vars.push(inner);
  }
  inner = { name: 'forloop', kind: FORLOOP, value: loop, parent: inner };
  const body = node.body;
  const budget = run.template.options.budget;
  const reversed = node.reversed;
  let o = '';
  for (let i = 0; i < n; i++) {
    if (budget) budgetStep(run.s, before + o.length);
    const item = reversed ? items[n - 1 - i] : items[i];
    if (count === 1) vars[0]!.value = item;
    else {
      const values = unpackLoopItem(item, count);
      for (let v = 0; v < count; v++) vars[v]!.value = values[v];
    }
    loop.i = i;
    loop.fl = undefined;
    o += renderNodes(run, body, inner, ae, before + o.length);
  }
  return o;
}

function renderWith(
  run: Run,
  node: WithNode,
  frame: Frame | null,
  ae: boolean,
  before: number,
): string {
  let inner = frame;
  const values = node.assignments.map(([, expression]) =>
    expressionValue(run, expression, frame, false, ae, node.token),
  );
  for (let i = 0; i < values.length; i++)
    inner = { name: node.assignments[i]![0], kind: LOCAL, value: values[i], parent: inner };
  return renderNodes(run, node.body, inner, ae, before);
}

function renderIncludeNode(
  run: Run,
  node: IncludeNode,
  frame: Frame | null,
  ae: boolean,
  before: number,
): string {
  const name = expressionValue(run, node.template, frame, false, ae, node.token);
  const vars = node.only ? null : snapshot(frame);
  let extra: Record<string, unknown> | null = null;
  if (node.extra.length > 0) {
    extra = {};
    for (const [key, expression] of node.extra)
      setKey(extra, key, expressionValue(run, expression, frame, false, ae, node.token));
  }
  return renderInclude(
    run.ctx,
    run.s,
    ae,
    name,
    vars,
    extra,
    node.only,
    run.templateName,
    run.template.options.budget ? before : 0,
    run.template.sites.get(node)!,
  );
}
