/**
 * `{% block name %}…{% endblock %}`: a function per block, rendered through the block context so
 * that the most derived definition wins.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { jsString } from '../internal/generated-code.js';
import { pySplit } from '../internal/smart-split.js';

/** The parsed `{% block %}`. */
export interface BlockNode {
  type: 'block';
  name: string;
  body: Node[];
  token: Token;
}

/** Parse `{% block %}`. */
export function parseBlock(parser: Parser, token: Token): Node | Node[] {
  const bits = pySplit(token.contents);
  if (bits.length !== 2) throw new TemplateSyntaxError(`'${bits[0]!}' tag takes only one argument`);
  const name = bits[1]!;
  if (parser.loadedBlocks.has(name)) {
    throw new TemplateSyntaxError(`'${bits[0]!}' tag with name '${name}' appears more than once`);
  }
  parser.loadedBlocks.add(name);
  const body = parser.parse(['endblock']);
  const end = parser.nextToken();
  const acceptable = ['endblock', `endblock ${name}`];
  if (!acceptable.includes(end.contents)) parser.invalidBlockTag(end, 'endblock', acceptable);
  return { type: 'block', name, body, token };
}

/** Compile `{% block %}`. */
function compileBlock(node: BlockNode, compiler: Compiler, scope: Scope): string {
  const fn = compiler.blockFunction(node);
  const call = `${compiler.asyncMode ? 'await $blockA' : '$block'}(ctx, s, ${compiler.autoescapeExpression()}, ${jsString(node.name)}, ${fn}, ${compiler.snapshot(scope)}, ${String(compiler.blockRefFunctions.has(fn))})`;
  return `o += ${call};\n`;
}

/** How the compiler and tree walks handle a `{% block %}` node. */
export const blockNode: BuiltinNodeKind<BlockNode> = {
  compile: compileBlock,
  children: (node) => [node.body],
};
