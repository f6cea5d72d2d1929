/**
 * Each filter rewritten for linear time answers exactly what the implementation before the
 * rewrite (test/hostile/reference/, itself checked against Django's recorded cases) answers, on
 * small open-ended inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncateChars, truncateWords } from '../../src/filters/truncate.js';
import { unorderedList } from '../../src/filters/unordered-list.js';
import {
  trimPunctuationPlain,
  trimPunctuationWithEntities,
  urlizeText,
} from '../../src/filters/urlize.js';
import { wrapText } from '../../src/filters/words.js';
import { slugifyText } from '../../src/filters/slugify.js';
import { slugifyText as refSlugifyText } from './reference/slugify.js';
import { pyPformat } from '../../src/internal/python-pformat.js';
import * as ref from './reference/truncate.js';
import { unorderedList as refUnorderedList } from './reference/unordered-list.js';
import { urlizeText as refUrlizeText } from './reference/urlize.js';
import { wrapText as refWrapText } from './reference/words.js';
import { pyPformat as refPformat } from './reference/python-pformat.js';

const markup = fc.string({
  unit: fc.constantFrom(
    '<',
    '>',
    '/',
    ' ',
    '\n',
    '\t',
    'a',
    'b',
    'é',
    '\u0301',
    '😀',
    '<b>',
    '</b>',
    '<br/>',
    '<i class="x">',
    '</i>',
    '<p>',
    '&',
    '&amp;',
    ';',
    '.',
    ',',
    '!',
    ':',
    '(',
    ')',
    '[',
    ']',
    'www.',
    'x.com',
    'http://',
    '@',
    '&#46;',
    '&lt',
    'gt;',
  ),
  maxLength: 40,
});

describe('linear filters agree with the reference implementations', () => {
  it('truncatechars_html and truncatewords_html', () => {
    fc.assert(
      fc.property(markup, fc.integer({ min: -2, max: 12 }), (text, n) => {
        expect(truncateChars(text, n, true)).toBe(ref.truncateChars(text, n, true));
        expect(truncateWords(text, n, true)).toBe(ref.truncateWords(text, n, true));
      }),
      { numRuns: 2000 },
    );
  });

  it('wordwrap', () => {
    fc.assert(
      fc.property(markup, fc.integer({ min: 1, max: 12 }), (text, width) => {
        expect(wrapText(text, width)).toBe(refWrapText(text, width));
      }),
      { numRuns: 1000 },
    );
  });

  const { tree } = fc.letrec<{ tree: unknown[]; node: unknown }>((tie) => ({
    tree: fc.array(tie('node'), { maxLength: 4 }),
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('a', '<b>', 'x & y', 1, null, true),
      tie('tree'),
    ),
  }));

  it('unordered_list', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (value, autoescape) => {
        const run = (spec: typeof unorderedList): string =>
          String(spec.fn(value, undefined, { autoescape }));
        expect(run(unorderedList)).toBe(run(refUnorderedList));
      }),
      { numRuns: 1000 },
    );
  });

  it('pprint', () => {
    const leaf = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('word '.repeat(20), 'line\n'.repeat(20), 'a'.repeat(90)),
    );
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('value'), { maxLength: 6 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => {
        expect(pyPformat(v, 500)).toBe(refPformat(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('urlize and urlizetrunc', () => {
    fc.assert(
      fc.property(
        markup,
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 20 })),
        (text, autoescape, limit) => {
          const options = { nofollow: true, autoescape, trimUrlLimit: limit ?? undefined };
          expect(urlizeText(text, options)).toBe(refUrlizeText(text, options));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("urlize's trim_punctuation on words without '&'", () => {
    const word = fc.string({
      unit: fc.constantFrom('(', ')', '[', ']', '.', ',', ':', ';', '!', 'a', '😀', 'é'),
      maxLength: 30,
    });
    fc.assert(
      fc.property(word, (w) => {
        expect(trimPunctuationPlain(w)).toEqual(trimPunctuationWithEntities('', w, ''));
      }),
      { numRuns: 3000 },
    );
  });

  it('slugify', () => {
    const text = fc.string({
      unit: fc.constantFrom('-', '_', ' ', '\t', 'a', 'B', '1', 'é', '!', '\u001c', 'ß', 'ﬁ'),
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(slugifyText(t)).toBe(refSlugifyText(t));
      }),
      { numRuns: 2000 },
    );
  });
});
