/**
 * The `{% if %}` condition parser: a Pratt parser over whitespace-separated bits with Django's
 * operators and binding powers (`or` 6 < `and` 7 < `not` 8 < `in`/`not in` 9 < `is`/`is not`/
 * comparisons 10), producing a tree of operators over filter expressions.
 *
 * @module
 */
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { FilterExpression } from './filter-expression.js';

export type IfOperator =
  'or' | 'and' | 'not' | 'in' | 'not in' | 'is' | 'is not' | '==' | '!=' | '>' | '>=' | '<' | '<=';

export type IfExpression =
  | { kind: 'operand'; expression: FilterExpression }
  | { kind: 'op'; op: IfOperator; first: IfExpression; second: IfExpression | undefined };

const BINDING: Record<IfOperator, number> = {
  or: 6,
  and: 7,
  not: 8,
  in: 9,
  'not in': 9,
  is: 10,
  'is not': 10,
  '==': 10,
  '!=': 10,
  '>': 10,
  '>=': 10,
  '<': 10,
  '<=': 10,
};

type Item = { kind: 'op'; op: IfOperator } | { kind: 'operand'; text: string } | { kind: 'end' };

/** Parse the bits after `if`/`elif` into a condition tree. */
export function parseIfExpression(
  bits: string[],
  compileFilter: (text: string) => FilterExpression,
): IfExpression {
  const items: Item[] = [];
  for (let i = 0; i < bits.length; i++) {
    let bit = bits[i]!;
    if (bit === 'is' && bits[i + 1] === 'not') {
      bit = 'is not';
      i++;
    } else if (bit === 'not' && bits[i + 1] === 'in') {
      bit = 'not in';
      i++;
    }
    items.push(
      Object.hasOwn(BINDING, bit)
        ? { kind: 'op', op: bit as IfOperator }
        : { kind: 'operand', text: bit },
    );
  }
  let pos = 0;
  const next = (): Item => items[pos++] ?? { kind: 'end' };
  let current = next();
  const lbp = (item: Item): number => (item.kind === 'op' ? BINDING[item.op] : 0);
  const display = (item: Item): string =>
    item.kind === 'op' ? item.op : item.kind === 'operand' ? item.text : '';

  const expression = (rbp: number): IfExpression => {
    const token = current;
    current = next();
    let left: IfExpression;
    if (token.kind === 'end')
      throw new TemplateSyntaxError('Unexpected end of expression in if tag.');
    if (token.kind === 'operand') {
      left = { kind: 'operand', expression: compileFilter(token.text) };
    } else if (token.op === 'not') {
      left = { kind: 'op', op: 'not', first: expression(BINDING.not), second: undefined };
    } else {
      throw new TemplateSyntaxError(`Not expecting '${token.op}' in this position in if tag.`);
    }
    while (rbp < lbp(current)) {
      const operator = current;
      current = next();
      if (operator.kind !== 'op' || operator.op === 'not') {
        throw new TemplateSyntaxError(
          `Not expecting '${display(operator)}' as infix operator in if tag.`,
        );
      }
      left = { kind: 'op', op: operator.op, first: left, second: expression(BINDING[operator.op]) };
    }
    return left;
  };
  const result = expression(0);
  if (current.kind !== 'end')
    throw new TemplateSyntaxError(`Unused '${display(current)}' at end of if expression.`);
  return result;
}
