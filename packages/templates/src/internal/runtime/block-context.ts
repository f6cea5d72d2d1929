/**
 * Django's `BlockContext` split in two: the block table (per block name, its definitions from
 * most basic to most derived), built once per extends chain and shared by every render of it, and
 * the per-render record of the definitions being rendered, which Django keeps by popping them off
 * its lists and pushing them back.
 *
 * @module
 */
import type { RenderFunction } from './render-state.js';

/** One definition of a block: its function, and whether that takes a `BlockRef`. */
export interface BlockDefinition {
  readonly fn: RenderFunction;
  readonly ref: boolean;
}

/** Per block name, its definitions from most basic to most derived. Never changed once built. */
export type BlockTable = ReadonlyMap<string, readonly BlockDefinition[]>;

/** The table with no block. */
export const NO_BLOCKS: BlockTable = new Map();

/** Django's `BlockContext.add_blocks` as a new table: `blocks` go before what `table` has. */
export function withBlocks(table: BlockTable, blocks: Record<string, RenderFunction>): BlockTable {
  const out = new Map(table);
  for (const name of Object.keys(blocks)) {
    const fn = blocks[name]!;
    // A compiled block function declares its `blk` parameter only when it reads it (the tree
    // walker's always do); counted here, once per table, as `length` is slow to read per render.
    const definition: BlockDefinition = { fn, ref: fn.length > 3 };
    const list = out.get(name);
    out.set(name, list === undefined ? [definition] : [definition, ...list]);
  }
  return out;
}

/**
 * The block context of one render: a shared table, and which of its definitions are being
 * rendered — taken (Django's `pop`) and not yet given back (`push`) — as `(name, offset)` pairs,
 * the offset counted from the most derived definition (it survives `add_blocks`, which adds at the
 * other end). Django's list for a name is always the table's minus the taken ones, in table order:
 * definitions are given back in the reverse order they were taken, except one whose render threw,
 * which is never given back, there as here. A pair is taken at most once, so they form a set: the
 * first in two fields (a render of blocks that nest no other allocates nothing), the rest in an
 * array.
 */
export class BlockContext {
  table: BlockTable;
  /** The definition the last `take` found. */
  found: BlockDefinition | undefined;
  #name: string | null = null;
  #offset = 0;
  /** More taken pairs, flat: name, offset, name, offset… */
  #more: (string | number)[] | null = null;

  constructor(table: BlockTable) {
    this.table = table;
  }

  #isTaken(name: string, offset: number): boolean {
    if (this.#offset === offset && this.#name === name) return true;
    const more = this.#more;
    if (more === null) return false;
    for (let i = 0; i < more.length; i += 2)
      if (more[i + 1] === offset && more[i] === name) return true;
    return false;
  }

  /** The offset of the most derived definition of `name` not being rendered, or -1. */
  #available(name: string): number {
    const list = this.table.get(name);
    if (list === undefined) return -1;
    for (let offset = 0; offset < list.length; offset++) {
      if (!this.#isTaken(name, offset)) {
        this.found = list[list.length - 1 - offset];
        return offset;
      }
    }
    return -1;
  }

  /** Django's `get_block`: whether `pop` would find a definition. */
  has(name: string): boolean {
    return this.#available(name) !== -1;
  }

  /**
   * Django's `pop`: mark the most derived definition not being rendered as rendered; its offset,
   * with the definition in `found`, or -1 when there is none.
   */
  take(name: string): number {
    const offset = this.#available(name);
    if (offset === -1) return -1;
    if (this.#name === null) {
      this.#name = name;
      this.#offset = offset;
    } else {
      (this.#more ??= []).push(name, offset);
    }
    return offset;
  }

  /** Django's `push` of what `take` found: that definition is available again. */
  giveBack(name: string, offset: number): void {
    if (this.#offset === offset && this.#name === name) {
      this.#name = null;
      return;
    }
    const more = this.#more!;
    let i = more.length - 2;
    while (more[i + 1] !== offset || more[i] !== name) i -= 2;
    if (i === more.length - 2) {
      // Two pops: setting `length` is a call into the runtime.
      more.pop();
      more.pop();
    } else {
      more.splice(i, 2);
    }
  }
}
