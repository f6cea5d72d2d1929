/**
 * `{% lorem [count] [w|p|b] [random] %}`: lorem ipsum text.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import type { FilterExpression } from '../internal/filter-expression.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { jsString } from '../internal/generated-code.js';
import { paragraphs, words } from '../internal/lorem.js';
import { pyInt } from '../internal/python-number.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% lorem %}`. */
export interface LoremNode {
  type: 'lorem';
  count: FilterExpression;
  method: 'w' | 'p' | 'b';
  common: boolean;
  token: Token;
}

/** Parse `{% lorem %}`. */
export function parseLorem(parser: Parser, token: Token): Node | Node[] {
  const bits = splitContents(token.contents);
  const tagName = bits[0]!;
  const common = bits[bits.length - 1] !== 'random';
  if (!common) bits.pop();
  let method: 'w' | 'p' | 'b' = 'b';
  const last = bits[bits.length - 1];
  if (last === 'w' || last === 'p' || last === 'b') {
    method = last;
    bits.pop();
  }
  const count = bits.length > 1 ? bits.pop()! : '1';
  if (bits.length !== 1) throw new TemplateSyntaxError(`Incorrect format for '${tagName}' tag`);
  return { type: 'lorem', count: parser.compileFilter(count), method, common, token };
}

/** Compile `{% lorem %}`. */
function compileLorem(node: LoremNode, compiler: Compiler, scope: Scope): string {
  return `o += $lorem(${compiler.expression(node.count, scope, 'value', node.token)}, ${jsString(node.method)}, ${String(node.common)});\n`;
}

/** `{% lorem %}`. */
export function loremText(count: unknown, method: string, common: boolean): string {
  let n: number;
  try {
    n = pyInt(count);
  } catch {
    n = 1;
  }
  if (method === 'w') return words(n, common);
  let paras = paragraphs(n, common);
  if (method === 'p') paras = paras.map((p) => `<p>${p}</p>`);
  return paras.join('\n\n');
}

/** How the compiler and tree walks handle a `{% lorem %}` node. */
export const loremNode: BuiltinNodeKind<LoremNode> = {
  compile: compileLorem,
};
