/**
 * `{% spaceless %}…{% endspaceless %}`: whitespace between tags removed.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';

/** The parsed `{% spaceless %}`. */
export interface SpacelessNode {
  type: 'spaceless';
  body: Node[];
  token: Token;
}

/** Parse `{% spaceless %}`. */
export function parseSpaceless(parser: Parser, token: Token): Node | Node[] {
  const body = parser.parse(['endspaceless']);
  parser.nextToken();
  return { type: 'spaceless', body, token };
}

/** Compile `{% spaceless %}`. */
function compileSpaceless(node: SpacelessNode, compiler: Compiler, scope: Scope): string {
  const saved = compiler.temporary();
  const body = compiler.nodes(node.body, scope);
  return `${saved} = o; o = '';\n${body}o = ${saved} + $spaceless(o);\n`;
}

/** `{% spaceless %}`. */
export function stripSpacesBetweenTags(text: string): string {
  return text.trim().replace(/>\s+</g, '><');
}

/** How the compiler and tree walks handle a `{% spaceless %}` node. */
export const spacelessNode: BuiltinNodeKind<SpacelessNode> = {
  compile: compileSpaceless,
  children: (node) => [node.body],
  sharesScope: true,
};
