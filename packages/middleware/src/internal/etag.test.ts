import { describe, expect, it } from 'vitest';
import { ifMatchPasses, ifNoneMatchPasses, parseEtags, quoteEtag } from './etag.js';

describe('parseEtags', () => {
  // Expected values from Django 3.2's parse_etags.
  it.each([
    ['*', ['*']],
    [' * ', ['*']],
    ['"a", W/"b", c, "d', ['"a"', 'W/"b"']],
    ['"a,b"', []],
    ['W/"x"', ['W/"x"']],
  ])('parses %j', (header, etags) => {
    expect(parseEtags(header)).toEqual(etags);
  });
});

describe('quoteEtag', () => {
  it('quotes a bare value and keeps a quoted one', () => {
    expect(quoteEtag('abc')).toBe('"abc"');
    expect(quoteEtag('"abc"')).toBe('"abc"');
    expect(quoteEtag('W/"abc"')).toBe('W/"abc"');
  });
});

describe('comparisons', () => {
  it('If-Match is strong', () => {
    expect(ifMatchPasses('"a"', ['"a"'])).toBe(true);
    expect(ifMatchPasses('W/"a"', ['W/"a"'])).toBe(false);
    expect(ifMatchPasses('W/"a"', ['*'])).toBe(true);
    expect(ifMatchPasses(null, ['*'])).toBe(false);
  });
  it('If-None-Match is weak', () => {
    expect(ifNoneMatchPasses('"a"', ['W/"a"'])).toBe(false);
    expect(ifNoneMatchPasses('W/"a"', ['"a"'])).toBe(false);
    expect(ifNoneMatchPasses('"a"', ['"b"'])).toBe(true);
    expect(ifNoneMatchPasses('"a"', ['*'])).toBe(false);
    expect(ifNoneMatchPasses(null, ['*'])).toBe(true);
  });
});
