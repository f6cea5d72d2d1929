/**
 * Walks over the parse tree: the nested node lists of a node, and whether `{% extends %}` occurs.
 *
 * @module
 */
import type { Node } from './nodes.js';

/** The nested node lists of a node (for tree walks). */
export function childLists(node: Node): Node[][] {
  switch (node.type) {
    case 'if':
      return node.branches.map((b) => b.body);
    case 'for':
      return [node.body, node.empty];
    case 'ifchanged':
      return [node.body, node.otherwise];
    case 'with':
    case 'block':
    case 'autoescape':
    case 'filter':
    case 'spaceless':
      return [node.body];
    case 'tag':
      return node.record.bodies;
    default:
      return [];
  }
}

/** Whether `{% extends %}` occurs anywhere in `nodes`. */
export function containsExtends(nodes: Node[]): boolean {
  return nodes.some((node) => node.type === 'extends' || childLists(node).some(containsExtends));
}
