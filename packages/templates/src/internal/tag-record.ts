/**
 * What the engine keeps of one use of a `Library.tag()` tag: the node its compile function
 * returned, and the expressions and bodies it compiled (the compiler turns those into closures
 * over the template's local variables, so `resolve` and `renderNodes` see loop and `with` values).
 *
 * @module
 */
import type { TagExpression, TagNode, TagNodeList } from '../tag-definition.js';
import type { FilterExpression } from './filter-expression.js';
import type { Node } from './nodes.js';

/** One tag occurrence: its node, and what its compile function compiled, by index. */
export interface TagRecord {
  readonly name: string;
  node: TagNode | undefined;
  readonly expressions: FilterExpression[];
  readonly bodies: Node[][];
}

/** A compiled expression, owned by the tag occurrence that compiled it. */
export class OwnedTagExpression implements TagExpression {
  constructor(
    readonly text: string,
    readonly owner: TagRecord,
    readonly index: number,
  ) {}
}

/** A parsed body, owned by the tag occurrence that parsed it. */
export class OwnedTagNodeList implements TagNodeList {
  constructor(
    readonly owner: TagRecord,
    readonly index: number,
  ) {}

  get length(): number {
    return this.owner.bodies[this.index]!.length;
  }
}
