import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pySplit, splitContents } from './smart-split.js';

// The regular-expression forms the ASCII scan stands in for: Django's smart_split pattern and
// split_contents' re-joining of `_("…")`, and Python's str.split().
const SMART_SPLIT_RE = /((?:[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+)|\S+)/gsu;
// eslint-disable-next-line no-control-regex -- Python's str.split() treats these controls as spaces
const PY_WHITESPACE_RUN = /[\s\u001c-\u001f\u0085]+/u;

function djangoSplitContents(contents: string): string[] {
  const raw = contents.match(SMART_SPLIT_RE) ?? [];
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let bit = raw[i]!;
    if (bit.startsWith('_("') || bit.startsWith("_('")) {
      const sentinel = `${bit[2]!})`;
      const parts = [bit];
      while (!bit.endsWith(sentinel) && i + 1 < raw.length) {
        bit = raw[++i]!;
        parts.push(bit);
      }
      bit = parts.join(' ');
    }
    out.push(bit);
  }
  return out;
}

// Words, quotes, backslashes, translation calls, ASCII controls, non-ASCII spaces and letters.
const contents = fc
  .array(
    fc.constantFrom(
      'for',
      'x',
      'in',
      'items',
      '_(',
      '_("',
      ')',
      '")',
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
      '"a b"',
      "'c d'",
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

  it('keeps a quoted string, spaces included, in its bit', () => {
    expect(splitContents(`extends "base.html"`)).toEqual(['extends', '"base.html"']);
    expect(splitContents(`x a"b c"d 'e f'`)).toEqual(['x', 'a"b c"d', "'e f'"]);
    expect(splitContents(`x _("a b") "c`)).toEqual(['x', '_("a b")', '"c']);
  });

  it('splits as Django does, for any contents', () => {
    fc.assert(
      fc.property(contents, (text) => {
        expect(splitContents(text)).toEqual(djangoSplitContents(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('pySplit', () => {
  it("splits as Python's str.split(), for any text", () => {
    expect(pySplit('a\x1cb \x1f c')).toEqual(['a', 'b', 'c']);
    expect(pySplit(`block "a b"`)).toEqual(['block', '"a', 'b"']);
    fc.assert(
      fc.property(contents, (text) => {
        expect(pySplit(text)).toEqual(text.split(PY_WHITESPACE_RUN).filter((part) => part !== ''));
      }),
      { numRuns: 3000 },
    );
  });
});
