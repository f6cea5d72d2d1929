import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate } from './http-date.js';

// Expected values computed with Django 3.2's parse_http_date_safe.
const NOW = new Date(Date.UTC(2026, 10, 21));

describe('parseHttpDate', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', 784111777],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 784111777],
    ['Sun Nov  6 08:49:37 1994', 784111777],
    ['Sun Nov 16 08:49:37 1994', 784975777],
    ['Sunday, 06-Nov-37 08:49:37 GMT', 2141110177],
    ['Sunday, 06-Nov-85 08:49:37 GMT', 500114977],
    ['Sun, 29 Feb 2000 00:00:00 GMT', 951782400],
    ['Thu, 01 Jan 1970 00:00:00 GMT', 0],
  ])('reads %j as Django does', (input, seconds) => {
    expect(parseHttpDate(input, NOW)).toBe(seconds);
  });

  it.each([
    'Sun, 06 Nov 1994 08:49:37 UTC',
    'Sun, 31 Feb 1994 08:49:37 GMT',
    'Sun, 06 Foo 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 24:49:37 GMT',
    'Sun, 29 Feb 1900 00:00:00 GMT',
    '',
    'yesterday',
  ])('gives null for %j', (input) => {
    expect(parseHttpDate(input, NOW)).toBeNull();
  });
});

describe('parseHttpDate (property)', () => {
  it('reads back any IMF-fixdate that Date.prototype.toUTCString writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799 }), (seconds) => {
        const text = new Date(seconds * 1000).toUTCString();
        expect(parseHttpDate(text, NOW)).toBe(seconds);
      }),
    );
  });

  it('never throws, whatever the client sends', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseHttpDate(text, NOW);
        expect(parsed === null || Number.isInteger(parsed)).toBe(true);
      }),
    );
  });
});
