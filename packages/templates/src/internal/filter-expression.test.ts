import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinFilters } from '../filters/index.js';
import { parseFilterExpression, parseFilterExpressionByPattern } from './filter-expression.js';

const findFilter = (name: string) =>
  Object.hasOwn(builtinFilters, name) ? builtinFilters[name] : undefined;

/** The result, or the error message. */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    return (error as Error).message;
  }
}

describe('parseFilterExpression', () => {
  const pieces = fc.constantFrom(
    'a',
    'item',
    'name',
    'e',
    'E1',
    'inf',
    'nan',
    '_',
    '.',
    '._',
    '|',
    'upper',
    'lower',
    'add',
    'default',
    'nosuch',
    ':',
    '"x"',
    '"',
    "'",
    "'y z'",
    '\\',
    '"a.b"',
    '1',
    '2.5',
    ' ',
    'é',
    'ß',
    '|upper',
    '|add:1',
    '||',
  );
  it('parses the simple shapes exactly as the filter pattern does', () => {
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 8 }), (parts) => {
        const token = parts.join('');
        expect(outcome(() => parseFilterExpression(token, findFilter))).toEqual(
          outcome(() => parseFilterExpressionByPattern(token, findFilter)),
        );
      }),
      { numRuns: 5000 },
    );
  });
  it('reads a dotted variable with filters', () => {
    const parsed = parseFilterExpression('item.name|lower|capfirst', findFilter);
    expect(parsed.head).toEqual({ kind: 'variable', path: ['item', 'name'], raw: 'item.name' });
    expect(parsed.filters.map((f) => f.name)).toEqual(['lower', 'capfirst']);
  });
});
