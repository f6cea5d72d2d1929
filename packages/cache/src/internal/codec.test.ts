import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CacheValueTooLarge } from '../errors.js';
import { decodeValue, encodeValue } from './codec.js';

const roundTrip = (value: unknown) => decodeValue(encodeValue(value, 1 << 24, 'k', 'default'));

describe('the value codec', () => {
  it('round-trips any JSON value, dates, byte arrays and big integers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.date({ noInvalidDate: true }),
          fc.uint8Array(),
          fc.bigInt(),
          fc.integer(),
          fc.double({ noNaN: true }),
          fc.string(),
        ),
        (value) => {
          expect(roundTrip(value)).toEqual(value);
        },
      ),
    );
  });

  it('keeps strings of digits strings and integers integers (the decimal form is only for numbers)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,20}$/), fc.maxSafeInteger(), (text, number) => {
        expect(roundTrip(text)).toBe(text);
        expect(roundTrip(number)).toBe(number);
        expect(roundTrip(-number)).toBe(-number);
      }),
    );
  });

  it('refuses a value over the limit, naming the key, the cache and the limit', () => {
    expect(() => encodeValue('x'.repeat(100), 50, ':1:big', 'pages')).toThrow(CacheValueTooLarge);
    expect(() => encodeValue('x'.repeat(100), 50, ':1:big', 'pages')).toThrow(
      "The value for the cache key ':1:big' is 102 bytes serialised, over the cache 'pages' limit of 50 bytes.",
    );
  });
});

describe('negative zero', () => {
  it('keeps its sign through the codec', () => {
    expect(Object.is(decodeValue(encodeValue(-0, 1024, 'k', 'default')), -0)).toBe(true);
  });
});
