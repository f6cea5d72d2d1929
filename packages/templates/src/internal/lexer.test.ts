import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK, COMMENT, pyStripText, TEXT, tokenize, VAR, type Token } from './lexer.js';

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

// The regular-expression split the scanner replaced: Django's pattern, as Django applies it.
const TAG_RE = /(\{%[^\n]*?%\}|\{\{[^\n]*?\}\}|\{#[^\n]*?#\})/;
// eslint-disable-next-line no-control-regex -- Python's str.strip() treats these controls as spaces
const STRIP_RE = /^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/gu;

function tokenizeBySplit(source: string): Token[] {
  const tokens: Token[] = [];
  let inTag = false;
  let line = 1;
  let offset = 0;
  let verbatim: string | false = false;
  for (const bit of source.split(TAG_RE)) {
    if (bit) {
      let token: Token | undefined;
      if (inTag) {
        let blockContent = '';
        if (bit.startsWith('{%')) {
          blockContent = bit.slice(2, -2).replace(STRIP_RE, '');
          if (verbatim !== false && blockContent === verbatim) verbatim = false;
        }
        if (verbatim === false) {
          if (bit.startsWith('{{')) {
            token = { type: VAR, contents: bit.slice(2, -2).replace(STRIP_RE, ''), line, offset };
          } else if (bit.startsWith('{%')) {
            const head = blockContent.slice(0, 9);
            if (head === 'verbatim' || head === 'verbatim ') verbatim = `end${blockContent}`;
            token = { type: BLOCK, contents: blockContent, line, offset };
          } else {
            token = { type: COMMENT, contents: '', line, offset };
          }
        }
      }
      tokens.push(token ?? { type: TEXT, contents: bit, line, offset });
    }
    inTag = !inTag;
    line += bit.split('\n').length - 1;
    offset += bit.length;
  }
  return tokens;
}

describe('tokenize (property)', () => {
  const pieces = fc.constantFrom(
    '{',
    '}',
    '%',
    '#',
    '{%',
    '%}',
    '{{',
    '}}',
    '{#',
    '#}',
    '\n',
    ' ',
    '\t',
    'a',
    'x y',
    'verbatim',
    'endverbatim',
    ' verbatim x',
    'endverbatim x',
    '\u00a0',
    '\x85',
    '\x1c',
    'é',
  );
  it('gives the tokens of the regular-expression split it replaced', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const source = parts.join('');
        expect(tokenize(source)).toEqual(tokenizeBySplit(source));
      }),
      { numRuns: 3000 },
    );
  });
  it('strips tag contents as the Python-whitespace pattern it short-cuts does', () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.constantFrom(
              ' ',
              '\t',
              '\n',
              '\v',
              '\x1c',
              '\x1f',
              '\x85',
              '\u00a0',
              '\u2028',
              '\u3000',
              '\ufeff',
              '\x7f',
              '\0',
              'a',
              'é',
            ),
            { maxLength: 12 },
          )
          .map((chars) => chars.join('')),
        (text) => {
          expect(pyStripText(text)).toBe(text.replace(STRIP_RE, ''));
        },
      ),
    );
  });
});
