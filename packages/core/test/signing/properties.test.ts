/**
 * Properties over open-ended input: whatever JSON value goes into `dumps()` comes back out of
 * `loads()`, and any change to a signed string is a `BadSignature` — never success, never
 * another error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadSignature, dumps, loads, Signer, TimestampSigner } from '../../src/signing/index.js';

const KEY = 'django-insecure-properties';

/** JSON values without -0, which JSON (Python's and JavaScript's) cannot tell from 0. */
const jsonValue = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);

/** `signed` with the character at `index` replaced by `char`. */
function replaceAt(signed: string, index: number, char: string): string {
  return signed.slice(0, index) + char + signed.slice(index + 1);
}

function expectBadSignature(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(BadSignature.isInstance(thrown), String(thrown)).toBe(true);
}

describe('loads(dumps(x))', () => {
  it('gives back every JSON value, compressed or not', () => {
    fc.assert(
      fc.property(jsonValue, fc.boolean(), fc.string(), (value, compress, salt) => {
        const signed = dumps(value, { key: KEY, salt, compress });
        expect(loads(signed, { key: KEY, salt })).toEqual(value);
      }),
    );
  });

  it('gives back full-Unicode strings and keys', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })),
        (value) => {
          expect(loads(dumps(value, { key: KEY }), { key: KEY })).toEqual(value);
        },
      ),
    );
  });

  it('writes only URL-safe characters and the separator', () => {
    fc.assert(
      fc.property(jsonValue, fc.boolean(), (value, compress) => {
        expect(dumps(value, { key: KEY, compress })).toMatch(/^\.?[\w-]*:[\w]+:[\w-]+$/);
      }),
    );
  });
});

describe('a changed signed value', () => {
  // Any code point, or any single UTF-16 unit (lone surrogates included).
  const printable = fc.oneof(
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  );

  it('is a BadSignature from loads(), wherever the change is', () => {
    fc.assert(
      fc.property(jsonValue, fc.boolean(), fc.nat(), printable, (value, compress, at, char) => {
        const signed = dumps(value, { key: KEY, compress });
        const index = at % signed.length;
        fc.pre(signed[index] !== char);
        expectBadSignature(() => loads(replaceAt(signed, index, char), { key: KEY }));
      }),
    );
  });

  it('is a BadSignature from Signer.unsign() when cut, extended or changed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.nat(),
        printable,
        fc.constantFrom('replace', 'delete', 'insert'),
        (value, at, char, how) => {
          const signer = new Signer({ key: KEY, salt: 'property' });
          const signed = signer.sign(value);
          const index = at % signed.length;
          const changed =
            how === 'replace'
              ? replaceAt(signed, index, char)
              : how === 'delete'
                ? signed.slice(0, index) + signed.slice(index + 1)
                : signed.slice(0, index) + char + signed.slice(index);
          fc.pre(changed !== signed);
          expectBadSignature(() => signer.unsign(changed));
        },
      ),
    );
  });

  it('is a BadSignature from TimestampSigner.unsign() under another key or salt', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (value, other) => {
        const signed = new TimestampSigner({ key: KEY, salt: 'a' }).sign(value);
        fc.pre(other !== KEY && other !== 'a');
        expectBadSignature(() => new TimestampSigner({ key: other, salt: 'a' }).unsign(signed));
        expectBadSignature(() => new TimestampSigner({ key: KEY, salt: other }).unsign(signed));
      }),
    );
  });
});
