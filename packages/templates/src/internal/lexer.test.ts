import { describe, expect, it } from 'vitest';
import { BLOCK, COMMENT, TEXT, tokenize, VAR } from './lexer.js';

describe('tokenize', () => {
  it('splits text, variables, blocks and comments with lines and offsets', () => {
    expect(tokenize('a\n{{ x }}{% if y %}{# c #}b')).toEqual([
      { type: TEXT, contents: 'a\n', line: 1, offset: 0 },
      { type: VAR, contents: 'x', line: 2, offset: 2 },
      { type: BLOCK, contents: 'if y', line: 2, offset: 9 },
      { type: COMMENT, contents: '', line: 2, offset: 19 },
      { type: TEXT, contents: 'b', line: 2, offset: 26 },
    ]);
  });

  it.each([
    ['{{ a\n}}', [TEXT]],
    ['{# a\nb #}', [TEXT]],
    ['{% verbatim %}{{ a }}{% endverbatim %}', [BLOCK, TEXT, BLOCK]],
    ['{% verbatim x %}{% endverbatim %}{% endverbatim x %}', [BLOCK, TEXT, BLOCK]],
    ['{', [TEXT]],
    ['{{}}', [VAR]],
  ])('%j → token types %j', (source, types) => {
    expect(tokenize(source).map((t) => t.type)).toEqual(types);
  });
});
