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
import { budgetStep, outputLeft } from '../internal/runtime/render-budget.js';
import type { RenderState } from '../internal/runtime/render-state.js';
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
  const count = compiler.expression(node.count, scope, 'value', node.token);
  return compiler.countedAppend(
    (length) => `$lorem(s, ${length}, ${count}, ${jsString(node.method)}, ${String(node.common)})`,
  );
}

/**
 * `{% lorem %}`. Each word or paragraph is a step of the render budget, counted before any is
 * generated; generation stops as soon as the output budget is spent.
 */
export function loremText(
  s: RenderState,
  length: number,
  count: unknown,
  method: string,
  common: boolean,
): string {
  let n: number;
  try {
    n = pyInt(count);
  } catch {
    n = 1;
  }
  budgetStep(s, length, Math.max(n, 0));
  const left = outputLeft(s, length);
  let text: string;
  if (method === 'w') text = words(n, common, left);
  else {
    let paras = paragraphs(n, common, left);
    if (method === 'p') paras = paras.map((p) => `<p>${p}</p>`);
    text = paras.join('\n\n');
  }
  budgetStep(s, length + text.length, 0);
  return text;
}

/** How the compiler and tree walks handle a `{% lorem %}` node. */
export const loremNode: BuiltinNodeKind<LoremNode> = {
  compile: compileLorem,
};
