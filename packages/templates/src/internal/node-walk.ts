/**
 * Walks over the parse tree: the nested node lists of a node, and whether `{% extends %}` occurs.
 *
 * @module
 */
import { builtinNodeKind } from '../tags/builtin-tags.js';
import type { Node } from './nodes.js';

/** The nested node lists of a node (for tree walks). */
export function childLists(node: Node): Node[][] {
  switch (node.type) {
    case 'text':
    case 'var':
    case 'custom':
      return [];
    case 'tag':
      return node.record.bodies;
    default:
      return builtinNodeKind(node).children?.(node) ?? [];
  }
}

/** Whether `{% extends %}` occurs anywhere in `nodes`. */
export function containsExtends(nodes: Node[]): boolean {
  return nodes.some((node) => node.type === 'extends' || childLists(node).some(containsExtends));
}
