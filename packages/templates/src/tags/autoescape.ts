/**
 * `{% autoescape on|off %}…{% endautoescape %}`: the body compiled with autoescaping known.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { pySplit } from '../internal/smart-split.js';

/** The parsed `{% autoescape %}`. */
export interface AutoescapeNode {
  type: 'autoescape';
  on: boolean;
  body: Node[];
  token: Token;
}

/** Parse `{% autoescape %}`. */
export function parseAutoescape(parser: Parser, token: Token): Node | Node[] {
  const args = pySplit(token.contents);
  if (args.length !== 2)
    throw new TemplateSyntaxError("'autoescape' tag requires exactly one argument.");
  const arg = args[1];
  if (arg !== 'on' && arg !== 'off')
    throw new TemplateSyntaxError("'autoescape' argument should be 'on' or 'off'");
  const body = parser.parse(['endautoescape']);
  parser.nextToken();
  return { type: 'autoescape', on: arg === 'on', body, token };
}

/** Compile `{% autoescape %}`. */
function compileAutoescape(node: AutoescapeNode, compiler: Compiler, scope: Scope): string {
  const saved = compiler.autoescape;
  compiler.autoescape = node.on;
  const code = compiler.nodes(node.body, scope);
  compiler.autoescape = saved;
  return code;
}

/** How the compiler and tree walks handle a `{% autoescape %}` node. */
export const autoescapeNode: BuiltinNodeKind<AutoescapeNode> = {
  compile: compileAutoescape,
  children: (node) => [node.body],
  sharesScope: true,
};
