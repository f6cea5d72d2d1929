/**
 * `{% comment %}…{% endcomment %}`: skipped at parse time.
 *
 * @module
 */
import type { Node } from '../internal/nodes.js';
import type { Parser } from '../internal/parser.js';

/** Parse `{% comment %}`. */
export function parseComment(parser: Parser): Node | Node[] {
  parser.skipPast('endcomment');
  return [];
}
