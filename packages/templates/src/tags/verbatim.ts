/**
 * `{% verbatim %}…{% endverbatim %}`: the body as text (the lexer stops tokenizing inside).
 *
 * @module
 */
import type { Token } from '../internal/lexer.js';
import type { Node } from '../internal/nodes.js';
import type { Parser } from '../internal/parser.js';

/** Parse `{% verbatim %}`. */
export function parseVerbatim(parser: Parser, token: Token): Node | Node[] {
  const body = parser.parse(['endverbatim']);
  parser.nextToken();
  return {
    type: 'text',
    text: body.map((n) => (n.type === 'text' ? n.text : '')).join(''),
    token,
  };
}
