/**
 * The parts of Django's `django.utils.http` that @reins/core holds, replayed against what Django
 * answered (test/fixtures/utils-http.json, recorded by test/fixtures/record-utils-http.py), with
 * properties for what no list of vectors covers.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeLeadingSlashes,
  httpDate,
  isSameDomain,
  parseHttpDate,
  parseHttpDateSafe,
} from '../src/index.js';

interface Outcome<T> {
  output?: T;
  error?: string;
  message?: string;
}
interface Fixture {
  generated_by: string;
  now: string;
  parse_http_date: ({ input: string } & Outcome<number>)[];
  parse_http_date_safe: { input: string; output: number | null }[];
  http_date: { input: number; output: string }[];
  is_same_domain: { host: string; pattern: string; output: boolean }[];
  escape_leading_slashes: { input: string; output: string }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/utils-http.json', import.meta.url), 'utf8'),
) as Fixture;
const NOW = new Date(fixture.now);

describe(`django.utils.http, replayed against ${fixture.generated_by}`, () => {
  it.each(fixture.parse_http_date.map((c) => [JSON.stringify(c.input), c] as const))(
    'parseHttpDate(%s)',
    (_name, c) => {
      if (c.error === undefined) {
        expect(parseHttpDate(c.input, NOW)).toBe(c.output);
      } else {
        expect(c.error).toBe('ValueError');
        expect(() => parseHttpDate(c.input, NOW)).toThrow(new RangeError(c.message));
      }
    },
  );

  it.each(fixture.parse_http_date_safe.map((c) => [JSON.stringify(c.input), c] as const))(
    'parseHttpDateSafe(%s)',
    (_name, c) => {
      expect(parseHttpDateSafe(c.input, NOW)).toBe(c.output);
    },
  );

  it.each(fixture.http_date.map((c) => [c.input, c] as const))('httpDate(%s)', (_name, c) => {
    expect(httpDate(c.input)).toBe(c.output);
  });

  it.each(fixture.is_same_domain.map((c) => [`${c.host} ~ ${c.pattern}`, c] as const))(
    'isSameDomain(%s)',
    (_name, c) => {
      expect(isSameDomain(c.host, c.pattern)).toBe(c.output);
    },
  );

  it.each(fixture.escape_leading_slashes.map((c) => [JSON.stringify(c.input), c] as const))(
    'escapeLeadingSlashes(%s)',
    (_name, c) => {
      expect(escapeLeadingSlashes(c.input)).toBe(c.output);
    },
  );
});

describe('django.utils.http properties', () => {
  it('parseHttpDate reads back every date httpDate writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799 }), (seconds) => {
        expect(parseHttpDate(httpDate(seconds), NOW)).toBe(seconds);
      }),
    );
  });

  it('parseHttpDateSafe never throws, whatever the client sends', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const parsed = parseHttpDateSafe(text, NOW);
        expect(parsed === null || Number.isInteger(parsed)).toBe(true);
      }),
    );
  });

  it('httpDate() without an argument is the current time', () => {
    const before = Math.floor(Date.now() / 1000);
    const parsed = parseHttpDate(httpDate());
    expect(parsed).toBeGreaterThanOrEqual(before);
  });
});
