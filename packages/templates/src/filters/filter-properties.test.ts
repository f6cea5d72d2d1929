import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJs } from './escapejs.js';
import { builtinFilters } from './index.js';
import { slugifyText } from './slugify.js';
import { stripTags } from './strip-tags.js';
import { truncateChars, truncateWords } from './truncate.js';
import { urlizeText } from './urlize.js';
import { wrapText } from './words.js';
import { isSafe } from '@reins/core';

// Strings rich in the characters these filters treat specially, plus arbitrary Unicode.
const markup = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '/',
      '!',
      '-',
      ' ',
      '\n',
      ';',
      '#',
      '=',
      '@',
      '.',
      ':',
      'a',
      'b',
    ),
    fc.constantFrom(
      '<b>',
      '</b>',
      '<!--',
      '-->',
      '&amp;',
      'http://',
      'www.',
      '.com',
      '\u0301',
      '😀',
    ),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 60,
});
const anyText = fc.oneof(markup, fc.string({ unit: 'binary' }));

describe('filter properties', () => {
  it('escapejs leaves no character that could end a string or script', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = escapeJs(text);
        // eslint-disable-next-line no-control-regex -- asserting that no C0 control survives
        expect(out).not.toMatch(/[<>&'"=;`\u2028\u2029\u0000-\u001f-]/);
        expect(out.replace(/\\u[0-9A-F]{4}/g, '')).not.toContain('\\');
      }),
    );
  });

  it('slugify yields only lower-case ASCII word characters and single hyphens', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const slug = slugifyText(text);
        expect(slug).toMatch(/^[a-z0-9_]*(?:-[a-z0-9_]+)*$/);
        expect(slug).not.toMatch(/--|^[-_]|[-_]$/);
        expect(slugifyText(slug)).toBe(slug);
      }),
    );
  });

  it('truncatechars never exceeds the limit in non-combining characters', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 40 }), (text, n) => {
        const out = truncateChars(text, n);
        const counted = Array.from(out).filter((ch) => !/\p{M}/u.test(ch)).length;
        expect(counted).toBeLessThanOrEqual(Math.max(n, Array.from(text.normalize('NFC')).length));
        if (out !== text.normalize('NFC')) expect(out.endsWith('…')).toBe(true);
      }),
    );
  });

  it('truncatewords keeps at most n words plus the ellipsis', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 10 }), (text, n) => {
        const words = truncateWords(text, n)
          .split(' ')
          .filter((w) => w !== '…');
        expect(words.length).toBeLessThanOrEqual(Math.max(n, 1));
      }),
    );
  });

  it('the HTML truncators, striptags, urlize and wordwrap never throw on any text', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 20 }), (text, n) => {
        truncateChars(text, n, true);
        truncateWords(text, n, true);
        stripTags(text);
        urlizeText(text, { nofollow: true, autoescape: true });
        wrapText(text, n);
      }),
    );
  });

  it('striptags output has no complete tag left when the input had no bare < or >', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('<b>', '</i>', '<p class="x">', 'text', ' ', '&amp;'), {
          maxLength: 12,
        }),
        (parts) => {
          expect(stripTags(parts.join(''))).not.toMatch(/<[a-z/][^>]*>/i);
        },
      ),
    );
  });

  it('urlize with autoescape never lets an unescaped < through outside its own links', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = urlizeText(text, { nofollow: true, autoescape: true });
        expect(out.replace(/<a href="[^"]*"( rel="nofollow")?>|<\/a>/g, '')).not.toMatch(/[<>"]/);
      }),
    );
  });

  it('every filter returns text or a value for any string input and a string argument', () => {
    const throwsByDesign = new Set([
      'ljust',
      'rjust',
      'center',
      'wordwrap',
      'divisibleby',
      'urlizetrunc',
      'random',
      'phone2numeric',
      'get_digit',
      'timesince',
      'timeuntil',
      'dictsort',
      'dictsortreversed',
      'stringformat',
      'first',
      'last',
    ]);
    fc.assert(
      fc.property(
        markup,
        fc.oneof(markup, fc.constantFrom('2', '-1', '0', ':2', 'y,ies', 'Y-m-d')),
        (value, arg) => {
          for (const [name, spec] of Object.entries(builtinFilters)) {
            if (throwsByDesign.has(name)) continue;
            const result = spec.fn(value, spec.arg === 'none' ? undefined : arg, {
              autoescape: true,
            });
            expect(result === undefined, name).toBe(false);
            if (spec.needsAutoescape)
              expect(
                isSafe(result) || Array.isArray(result) || typeof result === 'string',
                name,
              ).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
