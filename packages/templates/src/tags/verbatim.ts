/**
 * `{% verbatim %}…{% endverbatim %}`: the body as text (the lexer stops tokenizing inside).
 *
 * @module
 */
import type { Node, Parser, Token } from './tag-types.js';

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
