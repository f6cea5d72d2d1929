/**
 * What a compiled `{% extends %}` keeps between renders (`ExtendsLink`): the parent it found last
 * and the block table it built last. Django's cached loader hands out the same parent `Template`
 * for the same name and skip list until it is reset; the link reuses it while its `EngineLookup`
 * holds and the skip list is the same, so a hot render neither looks the parent up nor rebuilds
 * its block context.
 *
 * @module
 */
import { TemplateRecursionError } from '../../template-recursion-error.js';
import { TemplateSyntaxError } from '../../template-syntax-error.js';
import { pyBool } from '../python-truth.js';
import { withBlocks, type BlockTable } from './block-context.js';
import { EngineLookup } from './engine-lookup.js';
import { pythonStr } from './output.js';
import {
  locate,
  type MissingInfo,
  type RenderFunction,
  type RenderState,
  type RuntimeTemplate,
} from './render-state.js';
import { pyRepr } from '@reins/core';

function isRuntimeTemplate(value: unknown): value is RuntimeTemplate {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { compiled?: unknown }).compiled === 'function'
  );
}

/** A `Template`, or an object with one in `template` (a backend's template), else `undefined`. */
export function unwrapTemplate(value: unknown): RuntimeTemplate | undefined {
  if (isRuntimeTemplate(value)) return value;
  const inner = (value as { template?: unknown } | null)?.template;
  return isRuntimeTemplate(inner) ? inner : undefined;
}

/** The template name `{% extends value %}` asks for (the error of a false value). */
export function parentName(value: unknown, variable: string | null, info?: MissingInfo): string {
  const name = pythonStr(value);
  if (!pyBool(value)) {
    let message = `Invalid template name in 'extends' tag: ${pyRepr(value === undefined ? '' : value)}.`;
    if (variable !== null) message += ` Got this from the '${variable}' variable.`;
    const error = new TemplateSyntaxError(message);
    throw info === undefined ? error : locate(error, info);
  }
  return name;
}

/**
 * Django's `ExtendsNode.find_template`: the parent named `name`, skipping the origins already in
 * this render's extends chain (so a template can extend one of the same name), which it joins.
 */
export function findParent(s: RenderState, name: string, self: RuntimeTemplate): RuntimeTemplate {
  const history = (s.history ??= [self.originName]);
  const parent = s.engine.findTemplate(name, history);
  history.push(parent.originName);
  // Distinct templates can still chain without end (generated names); bound the depth too.
  if (history.length > s.engine.maxDepth) {
    throw new TemplateRecursionError(history, s.engine.maxDepth);
  }
  return parent;
}

function sameSkip(history: readonly string[] | null, skip: readonly string[] | null): boolean {
  if (history === skip) return true;
  if (history === null || skip === null || history.length !== skip.length) return false;
  for (let i = 0; i < history.length; i++) if (history[i] !== skip[i]) return false;
  return true;
}

interface TableEntry {
  parentBlocks: Record<string, RenderFunction> | null;
  table: BlockTable;
}

/** One compiled `{% extends %}` (one per compiled variant of a child template). */
export class ExtendsLink {
  /** The parent's name when the tag names it with a string literal, else `null`. */
  readonly name: string | null;
  /** The variable the parent's name came from, for the error of an invalid name. */
  readonly variable: string | null;
  readonly info: MissingInfo;

  // The last lookup, the extends chain it skipped (`null`: none, this template began the
  // render), and what it found.
  readonly #lookup = new EngineLookup();
  #skip: string[] | null = null;
  #parent: RuntimeTemplate | null = null;

  // The block table built from each incoming table (the last one, and all by identity: a layout
  // extended by several pages meets one incoming table per page).
  #tableIn: BlockTable | null = null;
  #tableOut: TableEntry | null = null;
  #tables: WeakMap<BlockTable, TableEntry> | null = null;

  constructor(name: string | null, variable: string | null, info: MissingInfo) {
    this.name = name;
    this.variable = variable;
    this.info = info;
  }

  /** The parent template for `{% extends value %}` (`value` unused when the name is a literal). */
  parent(s: RenderState, value: unknown, self: RuntimeTemplate): RuntimeTemplate {
    let name = this.name;
    if (name === null) {
      const direct = unwrapTemplate(value);
      if (direct !== undefined) return direct;
      name = parentName(value, this.variable, this.info);
    }
    const engine = s.engine;
    const history = s.history;
    if (this.#lookup.holds(name, engine) && sameSkip(history, this.#skip)) {
      const parent = this.#parent!;
      // The chain is only read by a later `{% extends %}` of this render: a parent that extends
      // nothing needs none (its depth was checked when it was found).
      if (history !== null) history.push(parent.originName);
      else if (parent.isChild) s.history = [self.originName, parent.originName];
      return parent;
    }
    const skip = history === null ? null : history.slice();
    const parent = findParent(s, name, self);
    this.#lookup.remember(name, engine);
    this.#skip = skip;
    this.#parent = parent;
    return parent;
  }

  /**
   * Django's `add_blocks` of the child's blocks, then of the parent's when it extends nothing,
   * onto `tableIn`: built once per incoming table and parent.
   */
  table(
    tableIn: BlockTable,
    blocks: Record<string, RenderFunction>,
    parentBlocks: Record<string, RenderFunction> | null,
  ): BlockTable {
    let entry = tableIn === this.#tableIn ? this.#tableOut : this.#tables?.get(tableIn);
    if (entry === undefined || entry === null || entry.parentBlocks !== parentBlocks) {
      const own = withBlocks(tableIn, blocks);
      entry = { parentBlocks, table: parentBlocks === null ? own : withBlocks(own, parentBlocks) };
      (this.#tables ??= new WeakMap()).set(tableIn, entry);
    }
    this.#tableIn = tableIn;
    this.#tableOut = entry;
    return entry.table;
  }
}
