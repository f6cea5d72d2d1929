/**
 * Filters on hostile input (issue #19, item 6): each case is sized so that the code before the
 * linear-time rewrite crashed, answered differently, or ran for minutes (the test timeout) where
 * the current code takes well under a second. No timing assertions: the output is checked.
 */
import { describe, expect, it } from 'vitest';
import { builtinFilters } from '../../src/filters/index.js';
import { MAX_FILTER_NESTING } from '../../src/filters/nesting-limit.js';
import { truncateChars, truncateWords } from '../../src/filters/truncate.js';
import { wrapText } from '../../src/filters/words.js';
import { urlizeText } from '../../src/filters/urlize.js';
import { pyPformat } from '../../src/internal/python-pformat.js';
import { slugifyText } from '../../src/filters/slugify.js';

const call = (name: string, value: unknown, arg?: unknown, autoescape = true): unknown =>
  builtinFilters[name]!.fn(value, arg, { autoescape });

function nestedList(depth: number): unknown[] {
  let value: unknown[] = ['x'];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function nestedTree(depth: number): unknown[] {
  let value: unknown[] = ['leaf'];
  for (let i = 0; i < depth; i++) value = ['item', value];
  return value;
}

describe('hostile inputs from issue #19', () => {
  it('truncatechars_html closes 1,000,000 nested tags in one pass', () => {
    const text = `${'<b>'.repeat(1_000_000)}hello world`;
    const out = truncateChars(text, 5, true);
    expect(out).toBe(`${'<b>'.repeat(1_000_000)}hell…${'</b>'.repeat(1_000_000)}`);
  });

  it('pprint of a 10,000-deep list reports RecursionError as Django does', () => {
    expect(call('pprint', nestedList(10_000))).toMatch(
      /^Error in formatting: RecursionError: maximum recursion depth exceeded/,
    );
  });

  it('wordwrap wraps 2 MB of flat text', () => {
    const out = wrapText('ab '.repeat(700_000), 5);
    expect(out).toBe(Array.from({ length: 350_000 }, () => 'ab ab').join('\n'));
  });
});

describe('hostile inputs for each filter made linear', () => {
  it('truncatechars_html skips 200,000 unclosed "<a " without rescanning the text', () => {
    const text = '<a '.repeat(200_000);
    expect(call('truncatechars_html', text, 5)).toBe('<a <…');
    expect(call('truncatechars_html', text, 600_000)).toBe(text);
  });

  it('truncatewords_html closes 1,000,000 nested tags', () => {
    const text = `${'<i>'.repeat(1_000_000)}one two three`;
    expect(truncateWords(text, 2, true)).toBe(
      `${'<i>'.repeat(1_000_000)}one two …${'</i>'.repeat(1_000_000)}`,
    );
  });

  it('truncatewords_html skips 600,000 unclosed "<" between words', () => {
    const text = '< a '.repeat(600_000);
    expect(call('truncatewords_html', text, 3)).toBe('< a < a < a …');
    expect(call('truncatewords_html', text, 600_000)).toBe(text);
  });

  it('unordered_list stops a 10,000-deep tree with RecursionError, not a stack overflow', () => {
    expect(() => call('unordered_list', nestedTree(10_000))).toThrow(
      expect.objectContaining({ name: 'RecursionError' }) as Error,
    );
  });

  it(`unordered_list renders a tree ${MAX_FILTER_NESTING - 1} levels deep`, () => {
    const out = String(call('unordered_list', nestedTree(MAX_FILTER_NESTING - 1)));
    expect(out.startsWith('\t<li>item\n\t<ul>\n\t\t<li>item\n')).toBe(true);
    expect(out).toContain(`${'\t'.repeat(MAX_FILTER_NESTING)}<li>leaf</li>`);
    expect(out.endsWith('\t</ul>\n\t</li>')).toBe(true);
  });

  it('urlize peels 100,000 wrapping brackets off a link', () => {
    const n = 50_000;
    expect(urlizeText(`${'('.repeat(n)}www.example.com${')'.repeat(n)}`, { nofollow: true })).toBe(
      `${'('.repeat(n)}<a href="http://www.example.com" rel="nofollow">www.example.com</a>${')'.repeat(n)}`,
    );
  });

  it('urlize peels 100,000 alternating brackets and trailing punctuation', () => {
    const n = 50_000;
    const word = `${'['.repeat(n)}http://a.org${'.]'.repeat(n)}`;
    expect(urlizeText(word, {})).toBe(
      `${'['.repeat(n)}<a href="http://a.org">http://a.org</a>${'.]'.repeat(n)}`,
    );
  });

  it("urlize leaves a long word containing '&' as text", () => {
    const word = `${'('.repeat(5_000)}www.example.com&amp;${')'.repeat(5_000)}`;
    expect(urlizeText(word, { autoescape: true })).toBe(word.replace(/&/g, '&amp;'));
  });

  it('pprint of a 10,000-deep dict reports RecursionError', () => {
    let value: unknown = { a: 1 };
    for (let i = 0; i < 10_000; i++) value = { k: value };
    expect(call('pprint', value)).toMatch(/^Error in formatting: RecursionError: /);
  });

  it('pprint of a list containing itself reports RecursionError instead of overflowing', () => {
    const value: unknown[] = [1];
    value.push(value);
    expect(call('pprint', value)).toMatch(/^Error in formatting: RecursionError: /);
  });

  it(`pprint formats a list nested ${MAX_FILTER_NESTING - 1} levels around 20,000 items`, () => {
    let value: unknown = Array.from({ length: 20_000 }, (_, i) => i);
    for (let i = 0; i < MAX_FILTER_NESTING - 1; i++) value = [value];
    const out = pyPformat(value, MAX_FILTER_NESTING);
    const open = '['.repeat(MAX_FILTER_NESTING);
    const pad = ` `.repeat(MAX_FILTER_NESTING);
    expect(out.startsWith(`${open}0,\n${pad}1,\n`)).toBe(true);
    expect(out.endsWith(`${pad}19999${']'.repeat(MAX_FILTER_NESTING)}`)).toBe(true);
  });

  it('slugify strips 200,000 underscores around a word', () => {
    const run = '_'.repeat(100_000);
    expect(slugifyText(`${run}a${run}b${run}`)).toBe(`a${run}b`);
  });
});
