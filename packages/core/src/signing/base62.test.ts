import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { b62Decode, b62Encode } from './base62.js';

describe('b62Decode', () => {
  it('reads back every safe integer b62Encode writes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer()), (n) => {
        expect(b62Decode(b62Encode(n))).toBe(n);
      }),
    );
  });

  it.each(['', '-', '--1', '1-', 'a b', '1r31eq!', 'é', '𝟙', '1r3\u00001'])(
    'refuses %j with a RangeError',
    (text) => {
      expect(() => b62Decode(text)).toThrow(RangeError);
    },
  );
});
