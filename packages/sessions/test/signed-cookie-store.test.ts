import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSessionKey, VALID_KEY_CHARS } from '../src/generate-session-key.js';
import { runStoreContract } from './store-contract.js';
import { SignedCookieStore } from '../src/signed-cookie-store.js';

runStoreContract(
  'signed-cookie session store',
  () => new SignedCookieStore({ secretKey: 'contract-secret', maxAge: 1209600 }),
  { keyHoldsData: true },
);

describe('signed-cookie store security (properties)', () => {
  const store = new SignedCookieStore({ secretKey: 'property-secret', maxAge: 1209600 });
  const data = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 6,
  });

  it('any changed character of a cookie loads as no session, never throws', () => {
    fc.assert(
      fc.property(data, fc.nat(), fc.constantFrom(...'abcXYZ019-_:.'), (value, at, replacement) => {
        const cookie = store.save(null, value);
        const index = at % cookie.length;
        fc.pre(cookie[index] !== replacement);
        const tampered = cookie.slice(0, index) + replacement + cookie.slice(index + 1);
        expect(store.load(tampered)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('any string at all loads as null or as data, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (cookie) => {
        const loaded = store.load(cookie);
        expect(loaded === null || typeof loaded === 'object').toBe(true);
      }),
    );
  });
});

describe('generateSessionKey', () => {
  it("makes 32 characters of Django's alphabet, different every time", () => {
    const keys = new Set(Array.from({ length: 2000 }, () => generateSessionKey()));
    expect(keys.size).toBe(2000);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]{32}$/);
  });

  it('uses every character of the alphabet', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateSessionKey()).join(''));
    expect([...seen].sort().join('')).toBe([...VALID_KEY_CHARS].sort().join(''));
  });
});
