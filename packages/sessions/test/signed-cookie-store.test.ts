import fc from 'fast-check';
import { loads } from '@reins/core/signing';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe('signed-cookie store: cookies already verified', () => {
  const secretKey = 'verified-secret';
  const SALT = 'django.contrib.sessions.backends.signed_cookies';
  afterEach(() => vi.useRealTimers());

  it('a cookie it wrote loads again as a fresh copy each time', () => {
    const store = new SignedCookieStore({ secretKey, maxAge: 60 });
    const cookie = store.save(null, { cart: [1, 2] });
    const first = store.load(cookie)!;
    (first['cart'] as number[]).push(3);
    first['extra'] = true;
    expect(store.load(cookie)).toEqual({ cart: [1, 2] });
  });

  it('a flat session it wrote or read loads again as a fresh copy each time', () => {
    const store = new SignedCookieStore({ secretKey, maxAge: 60 });
    const cookie = store.save(null, { user: '7', visits: 41 });
    for (const seen of [
      cookie,
      new SignedCookieStore({ secretKey, maxAge: 60 }).save(null, { a: 1 }),
    ]) {
      const first = store.load(seen)!;
      first['visits'] = 42;
      first['extra'] = true;
      expect(store.load(seen)).not.toHaveProperty('extra');
    }
    expect(store.load(cookie)).toEqual({ user: '7', visits: 41 });
  });

  // A remembered cookie loads as its data copied or its JSON parsed: either way exactly what a
  // store that remembers nothing reads from the cookie (values, key order, own __proto__).
  it('loads a remembered cookie as a store that remembers nothing does', () => {
    const store = new SignedCookieStore({ secretKey, maxAge: 60 });
    const reader = new SignedCookieStore({ secretKey, maxAge: 60, verifiedCacheBytes: 0 });
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map(String.fromCharCode) }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(null, undefined, -0, 2 ** 53 + 2, 1e-7, () => 1, Symbol('s')),
      fc.jsonValue({ maxDepth: 1 }),
    );
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', '7', 'toJSON'));
    const same = (ours: unknown, theirs: unknown) => {
      expect(ours).toStrictEqual(theirs);
      if (theirs === null) return;
      const [a, b] = [ours as Record<string, unknown>, theirs as Record<string, unknown>];
      expect(Object.keys(a)).toEqual(Object.keys(b));
      for (const k of Object.keys(b)) {
        if (typeof b[k] !== 'object') expect(Object.is(a[k], b[k])).toBe(true);
      }
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 6 }), (entries) => {
        const data: Record<string, unknown> = {};
        for (const [k, v] of entries)
          Object.defineProperty(data, k, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        let cookie: string;
        try {
          cookie = store.save(null, data);
        } catch {
          return; // what JSON cannot carry (a symbol at the top of a value) is not saved at all
        }
        // Once as written, once as verified on first sight by another store that remembers.
        same(store.load(cookie), reader.load(cookie));
        const other = new SignedCookieStore({ secretKey, maxAge: 60 });
        same(other.load(cookie), reader.load(cookie));
        same(other.load(cookie), reader.load(cookie));
      }),
      { numRuns: 500 },
    );
  });

  it('does not copy data whose JSON would not read back the same', () => {
    const store = new SignedCookieStore({ secretKey, maxAge: 60 });
    const cases: [Record<string, unknown>, unknown][] = [
      [{ n: -0 }, { n: 0 }],
      [{ a: undefined, b: 1 }, { b: 1 }],
      [{ d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' }],
      [Object.assign(Object.create({ toJSON: () => ({ x: 1 }) }) as object, { a: 1 }), { x: 1 }],
      [Object.assign({ a: 1 }, { [Symbol('s')]: 2 }), { a: 1 }],
    ];
    for (const [data, read] of cases) {
      const loaded = store.load(store.save(null, data));
      expect(loaded).toStrictEqual(read);
      if (read !== null)
        expect(Object.is(loaded!['n'], (read as Record<string, unknown>)['n'])).toBe(true);
    }
  });

  it("reads NaN and the infinities back, from its own cookie and from Django's", () => {
    const store = new SignedCookieStore({ secretKey, maxAge: 60 });
    const data = { ratio: NaN, limit: -Infinity, top: Infinity, visits: 3 };
    const cookie = store.save(null, data);
    expect(store.load(cookie)).toStrictEqual(data);
    expect(new SignedCookieStore({ secretKey, maxAge: 60 }).load(cookie)).toStrictEqual(data);
    // Django 3.2: signing.dumps({'ratio': float('nan'), 'limit': float('-inf'), 'visits': 3},
    // salt='django.contrib.sessions.backends.signed_cookies', compress=True), SECRET_KEY
    // 'django-nan-secret', on 2026-12-07; maxAge spans the years since.
    const django = new SignedCookieStore({
      secretKey: 'django-nan-secret',
      maxAge: 100 * 365 * 86400,
    });
    expect(
      django.load(
        'eyJyYXRpbyI6TmFOLCJsaW1pdCI6LUluZmluaXR5LCJ2aXNpdHMiOjN9:1xaiON:JgjSQlpasFdE8YFDvbvlxICYb2-NXcS5ZoFVnjhAXJs',
      ),
    ).toStrictEqual({ ratio: NaN, limit: -Infinity, visits: 3 });
  });

  it('a remembered cookie still expires with the clock', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const store = new SignedCookieStore({ secretKey, maxAge: 60 });
    const cookie = store.save(null, { n: 1 });
    expect(store.load(cookie)).toEqual({ n: 1 });
    vi.setSystemTime(new Date('2026-01-01T00:01:00Z'));
    expect(store.load(cookie)).toEqual({ n: 1 });
    vi.setSystemTime(new Date('2026-01-01T00:01:02Z'));
    expect(store.load(cookie)).toBeNull();
    expect(store.load(cookie)).toBeNull();
  });

  it('a cookie written by another store with the same key is verified, then remembered', () => {
    const writer = new SignedCookieStore({ secretKey, maxAge: 60, verifiedCacheBytes: 0 });
    const reader = new SignedCookieStore({ secretKey, maxAge: 60 });
    const cookie = writer.save(null, { user: '7' });
    expect(reader.load(cookie)).toEqual({ user: '7' });
    expect(reader.load(cookie)).toEqual({ user: '7' });
    expect(reader.load(cookie.slice(0, -1) + (cookie.endsWith('A') ? 'B' : 'A'))).toBeNull();
  });

  it('a cookie carrying a remembered signature over another value is refused', () => {
    const store = new SignedCookieStore({ secretKey, maxAge: 60, compress: false });
    const cookie = store.save(null, { user: '7' });
    const [value, timestamp, signature] = cookie.split(':') as [string, string, string];
    const other = store.save(null, { user: '8' }).split(':')[0]!;
    expect(store.load(`${other}:${timestamp}:${signature}`)).toBeNull();
    expect(store.load(`${value}:${timestamp}:${signature}`)).toEqual({ user: '7' });
  });

  it('a cookie signed with another key is refused even after the right one was seen', () => {
    const store = new SignedCookieStore({ secretKey, maxAge: 60 });
    const other = new SignedCookieStore({ secretKey: 'another-secret', maxAge: 60 });
    expect(store.load(store.save(null, { a: 1 }))).toEqual({ a: 1 });
    expect(store.load(other.save(null, { a: 1 }))).toBeNull();
  });

  it("compress: false never writes the zlib form, and Django's loads() reads it", () => {
    const plain = new SignedCookieStore({ secretKey, maxAge: 60, compress: false });
    const zipped = new SignedCookieStore({ secretKey, maxAge: 60 });
    const data = { text: 'abc'.repeat(100) };
    expect(zipped.save(null, data).startsWith('.')).toBe(true);
    const cookie = plain.save(null, data);
    expect(cookie.startsWith('.')).toBe(false);
    expect(loads(cookie, { key: secretKey, salt: SALT })).toEqual(data);
    expect(zipped.load(cookie)).toEqual(data);
  });

  it('refuses a verifiedCacheBytes that is not a whole number of bytes', () => {
    expect(() => new SignedCookieStore({ secretKey, maxAge: 60, verifiedCacheBytes: -1 })).toThrow(
      /verifiedCacheBytes must be a whole number of bytes, 0 or more; got -1/,
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
