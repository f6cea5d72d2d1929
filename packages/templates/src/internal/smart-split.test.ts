import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pySplit, splitContents } from './smart-split.js';

// The regular-expression forms the ASCII scan stands in for.
const SMART_SPLIT_RE = /((?:[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+)|\S+)/gsu;
// eslint-disable-next-line no-control-regex -- Python's str.split() treats these controls as spaces
const PY_WHITESPACE_RUN = /[\s\u001c-\u001f\u0085]+/u;

// Words, quotes, ASCII controls and a few non-ASCII spaces and letters.
const contents = fc
  .array(
    fc.constantFrom(
      'for',
      'x',
      'in',
      'items',
      '_(',
      ')',
      '"',
      "'",
      '\\',
      ' ',
      '\t',
      '\v',
      '\f',
      '\r',
      '\x1c',
      '\x1f',
      '\x85',
      '\xa0',
      '\u3000',
      'é',
      '|',
      ':',
      '=',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

describe('splitContents', () => {
  it('splits plain words on ASCII whitespace, not on U+001C–U+001F', () => {
    expect(splitContents('for  item in\titems reversed')).toEqual([
      'for',
      'item',
      'in',
      'items',
      'reversed',
    ]);
    expect(splitContents('a\x1cb')).toEqual(['a\x1cb']);
    expect(splitContents('')).toEqual([]);
  });

  it('splits as the Django pattern does, for any contents', () => {
    fc.assert(
      fc.property(contents, (text) => {
        const raw = text.match(SMART_SPLIT_RE) ?? [];
        if (raw.some((bit) => bit.startsWith('_("') || bit.startsWith("_('"))) return;
        expect(splitContents(text)).toEqual(raw);
      }),
    );
  });
});

describe('pySplit', () => {
  it("splits as Python's str.split(), for any text", () => {
    expect(pySplit('a\x1cb \x1f c')).toEqual(['a', 'b', 'c']);
    fc.assert(
      fc.property(contents, (text) => {
        expect(pySplit(text)).toEqual(text.split(PY_WHITESPACE_RUN).filter((part) => part !== ''));
      }),
    );
  });
});
