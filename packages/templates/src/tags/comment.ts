/**
 * `{% comment %}…{% endcomment %}`: skipped at parse time.
 *
 * @module
 */
import type { Node, Parser } from './tag-types.js';

/** Parse `{% comment %}`. */
export function parseComment(parser: Parser): Node | Node[] {
  parser.skipPast('endcomment');
  return [];
}
