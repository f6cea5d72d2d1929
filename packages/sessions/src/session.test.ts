import fc from 'fast-check';
import { KeyError } from '@reins/http';
import { describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../test/support/memory-store.js';
import { SessionInterrupted, SessionNotLoaded, SessionStoreError } from './session-errors.js';
import { Session } from './session.js';
import type { SessionExpiry } from './session.js';
import type { SessionSaveOptions, SessionStore } from './session-store.js';
import { SignedCookieStore } from './signed-cookie-store.js';

const cookieStore = new SignedCookieStore({ secretKey: 'session-test-key', maxAge: 1209600 });
const session = (key: string | null = null) => new Session(key, { store: cookieStore });
const day = 86_400;

function saved(data: Record<string, unknown>): string {
  return cookieStore.save(null, data);
}

describe('Session dict API (Django SessionBase)', () => {
  it('starts new and untouched: not accessed, not modified, empty', () => {
    const s = session();
    expect(s.accessed).toBe(false);
    expect(s.modified).toBe(false);
    expect(s.isEmpty()).toBe(true);
    expect(s.sessionKey).toBeNull();
  });

  it('get() marks accessed only; set() marks modified', () => {
    const s = session();
    expect(s.get('missing')).toBeUndefined();
    expect(s.get('missing', 7)).toBe(7);
    expect(s.accessed).toBe(true);
    expect(s.modified).toBe(false);
    s.set('a', 1);
    expect(s.modified).toBe(true);
    expect(s.get('a')).toBe(1);
    expect(s.has('a')).toBe(true);
    expect(s.isEmpty()).toBe(false);
  });

  it('loads lazily from a sync store on first use', () => {
    const s = session(saved({ visits: 3 }));
    expect(s.loaded).toBe(false);
    expect(s.get('visits')).toBe(3);
    expect(s.loaded).toBe(true);
  });

  it('delete() of a missing key is a KeyError naming it, as Python del', () => {
    const s = session();
    expect(() => s.delete('cart')).toThrow(KeyError);
    expect(() => s.delete('cart')).toThrow(/no key 'cart'/);
    expect(s.modified).toBe(false);
    s.set('cart', []);
    s.modified = false;
    s.delete('cart');
    expect(s.has('cart')).toBe(false);
    expect(s.modified).toBe(true);
  });

  it('pop() returns and removes; modified only when the key was there', () => {
    const s = session(saved({ next: '/x' }));
    expect(s.pop('other', 'fallback')).toBe('fallback');
    expect(s.modified).toBe(false);
    expect(() => s.pop('other')).toThrow(KeyError);
    expect(s.pop('next')).toBe('/x');
    expect(s.modified).toBe(true);
    expect(s.has('next')).toBe(false);
  });

  it('setdefault() stores only when absent, and only then marks modified', () => {
    const s = session(saved({ cart: ['a'] }));
    expect(s.setdefault('cart', [])).toEqual(['a']);
    expect(s.modified).toBe(false);
    expect(s.setdefault('theme', 'dark')).toBe('dark');
    expect(s.modified).toBe(true);
    expect(s.get('theme')).toBe('dark');
  });

  it('keys(), values(), items() and update()', () => {
    const s = session();
    s.update({ a: 1, b: 2 });
    s.update(new Map([['c', 3]]));
    s.update([['d', 4]]);
    expect(s.keys()).toEqual(['a', 'b', 'c', 'd']);
    expect(s.values()).toEqual([1, 2, 3, 4]);
    expect(s.items()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('keeps keys such as __proto__ and constructor as data', () => {
    const s = session();
    expect(s.has('constructor')).toBe(false);
    expect(s.get('toString')).toBeUndefined();
    s.set('__proto__', { polluted: true });
    expect(s.get('__proto__')).toEqual({ polluted: true });
    expect(s.keys()).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const reloaded = session(cookieStore.save(null, Object.fromEntries(s.items())));
    expect(reloaded.get('__proto__')).toEqual({ polluted: true });
  });

  it('clear() empties without loading, keeps the key', () => {
    const key = saved({ a: 1 });
    const s = session(key);
    s.clear();
    expect(s.loaded).toBe(true);
    expect(s.keys()).toEqual([]);
    expect(s.sessionKey).toBe(key);
    expect(s.accessed && s.modified).toBe(true);
    expect(s.isEmpty()).toBe(false);
  });

  it('treats a key shorter than 8 characters as no key (Django _validate_session_key)', () => {
    expect(session('1234567').sessionKey).toBeNull();
    expect(session('').sessionKey).toBeNull();
    expect(session('12345678').sessionKey).toBe('12345678');
  });

  it('a tampered or garbage cookie loads as a new, empty session', () => {
    for (const key of [
      'garbage-garbage',
      saved({ a: 1 }).slice(0, -2) + 'xx',
      'e30:1vRl7w:2VhrH5',
    ]) {
      const s = session(key);
      expect(s.keys()).toEqual([]);
      expect(s.sessionKey).toBeNull();
      expect(s.isEmpty()).toBe(true);
    }
  });
});

describe('Session expiry (Django set_expiry/get_expiry_*)', () => {
  const at = new Date('2026-01-01T00:00:00Z');

  it('defaults to sessionCookieAge and sessionExpireAtBrowserClose', () => {
    const s = new Session(null, { store: cookieStore, cookieAge: 600, expireAtBrowserClose: true });
    expect(s.getExpiryAge()).toBe(600);
    expect(s.getExpiryDate({ modification: at }).toISOString()).toBe('2026-01-01T00:10:00.000Z');
    expect(s.getExpireAtBrowserClose()).toBe(true);
  });

  it('setExpiry(seconds) is stored in _session_expiry', () => {
    const s = session();
    s.setExpiry(300);
    expect(s.get('_session_expiry')).toBe(300);
    expect(s.getExpiryAge()).toBe(300);
    expect(s.getExpireAtBrowserClose()).toBe(false);
    expect(s.getExpiryDate({ modification: at }).toISOString()).toBe('2026-01-01T00:05:00.000Z');
  });

  it('setExpiry(0) expires at browser close, with the default age for the store', () => {
    const s = session();
    s.setExpiry(0);
    expect(s.getExpireAtBrowserClose()).toBe(true);
    expect(s.getExpiryAge()).toBe(1209600);
  });

  it("setExpiry(date) is stored as Python's isoformat and read back", () => {
    const s = session();
    s.setExpiry(new Date('2026-01-02T00:00:00.250Z'));
    expect(s.get('_session_expiry')).toBe('2026-01-02T00:00:00.250000+00:00');
    expect(s.getExpiryDate().toISOString()).toBe('2026-01-02T00:00:00.250Z');
    expect(s.getExpiryAge({ modification: at })).toBe(day);
    s.setExpiry(new Date('2026-01-02T00:00:00Z'));
    expect(s.get('_session_expiry')).toBe('2026-01-02T00:00:00+00:00');
    // timedelta's days * 86400 + seconds rounds a past expiry down, as Python does.
    expect(s.getExpiryAge({ modification: new Date('2026-01-02T00:00:00.5Z') })).toBe(-1);
  });

  it('setExpiry(null) returns to the default, marking modified only when there was one', () => {
    const s = session();
    s.setExpiry(null);
    expect(s.modified).toBe(false);
    s.setExpiry(60);
    s.modified = false;
    s.setExpiry(null);
    expect(s.has('_session_expiry')).toBe(false);
    expect(s.modified).toBe(true);
  });

  it('refuses what is not seconds, a Date, 0 or null', () => {
    const s = session();
    expect(() => s.setExpiry(Number.NaN)).toThrow(/setExpiry\(\) takes seconds/);
    expect(() => s.setExpiry(new Date('nope'))).toThrow(/invalid Date/);
  });

  it('takes modification and expiry as Django does', () => {
    const s = session();
    expect(s.getExpiryAge({ expiry: 30 })).toBe(30);
    expect(s.getExpiryAge({ expiry: null })).toBe(1209600);
    expect(s.getExpiryDate({ modification: at, expiry: 60 }).toISOString()).toBe(
      '2026-01-01T00:01:00.000Z',
    );
  });

  it("save() gives the store the expiry date and age Django's save() computes", () => {
    vi.useFakeTimers({ now: at });
    try {
      const given: SessionSaveOptions[] = [];
      const store: SessionStore = {
        name: 'recording store',
        sync: true,
        load: () => null,
        save: (_key, _data, options) => (given.push(options), 'k'.repeat(32)),
        exists: () => false,
        delete: () => {},
        clearExpired: () => {},
      };
      const cases: [SessionExpiry, string, number][] = [
        [null, '2026-01-01T00:10:00.000Z', 600],
        [0, '2026-01-01T00:10:00.000Z', 600],
        [300, '2026-01-01T00:05:00.000Z', 300],
        [new Date('2026-01-02T00:00:00.250Z'), '2026-01-02T00:00:00.250Z', day],
      ];
      for (const [expiry, date, age] of cases) {
        const s = new Session(null, { store, cookieAge: 600 });
        s.set('a', 1);
        s.setExpiry(expiry);
        expect(s.save()).toBeUndefined();
        expect(given.at(-1)!.expireDate.toISOString(), String(expiry)).toBe(date);
        expect(given.at(-1)!.expiryAge, String(expiry)).toBe(age);
        expect(given.at(-1)!.expireDate).toEqual(s.getExpiryDate());
        expect(given.at(-1)!.expiryAge).toBe(s.getExpiryAge());
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('flush() and cycleKey() with a server-side store', () => {
  const options = {
    expireDate: new Date(Date.now() + day * 1000),
    expiryAge: day,
    mustCreate: true,
  };

  it('flush() empties the session, forgets the key and deletes it from the store on save', async () => {
    const store = new MemoryStore();
    const key = store.save(null, { userId: 1 }, options) as string;
    const s = new Session(key, { store });
    s.flush();
    expect(s.sessionKey).toBeNull();
    expect(s.isEmpty()).toBe(true);
    expect(s.hasStaleKeys).toBe(true);
    await s.deleteStaleKeys();
    expect(store.rows.has(key)).toBe(false);
  });

  it('cycleKey() keeps the data under a new key and deletes the old one', async () => {
    const store = new MemoryStore();
    const key = store.save(null, { cart: ['a'] }, options) as string;
    const s = new Session(key, { store });
    s.cycleKey();
    expect(s.modified).toBe(true);
    expect(s.isEmpty()).toBe(false);
    await s.save();
    expect(s.sessionKey).not.toBe(key);
    expect(s.sessionKey).toMatch(/^[a-z0-9]{32}$/);
    expect(store.rows.has(key)).toBe(false);
    expect(store.load(s.sessionKey!)).toEqual({ cart: ['a'] });
  });

  it('cycleKey() on an empty new session still makes a key', async () => {
    const store = new MemoryStore();
    const s = new Session(null, { store });
    s.cycleKey();
    await s.save();
    expect(s.sessionKey).toMatch(/^[a-z0-9]{32}$/);
  });

  it('a missing key in the store loads as a new session without a key', () => {
    const store = new MemoryStore();
    const s = new Session('abcdefghijklmnopqrstuvwxyz012345', { store });
    expect(s.get('x')).toBeUndefined();
    expect(s.sessionKey).toBeNull();
  });

  it('save() of a session deleted meanwhile is SessionInterrupted (a 400)', async () => {
    const store = new MemoryStore({ async: true });
    const key = await store.save(null, { userId: 1 }, options);
    const s = new Session(key, { store });
    await s.load();
    s.set('more', true);
    await store.delete(key);
    const error = await Promise.resolve(s.save()).catch((e: unknown) => e);
    expect(SessionInterrupted.isInstance(error)).toBe(true);
    expect((error as SessionInterrupted).status).toBe(400);
    expect(store.rows.has(key)).toBe(false);
  });
});

describe('Session with an async store', () => {
  it('refuses to be read before load(), and load() is idempotent', async () => {
    const store = new MemoryStore({ async: true });
    const key = await store.save(
      null,
      { a: 1 },
      {
        expireDate: new Date(Date.now() + 1e6),
        expiryAge: 1000,
        mustCreate: true,
      },
    );
    const s = new Session(key, { store });
    expect(() => s.get('a')).toThrow(SessionNotLoaded);
    expect(() => s.get('a')).toThrow(/await request\.session\.load\(\)/);
    await Promise.all([s.load(), s.load()]);
    await s.load();
    expect(store.calls.filter((call) => call === 'load')).toHaveLength(1);
    expect(s.get('a')).toBe(1);
    expect(s.accessed).toBe(true);
  });

  it('does not touch the store for a session without a key', async () => {
    const store = new MemoryStore({ async: true });
    const s = new Session(null, { store });
    expect(s.get('a')).toBeUndefined();
    await s.load();
    expect(store.calls).toEqual([]);
  });

  it('an outage is a SessionStoreError naming the store, with the cause', async () => {
    const store = new MemoryStore({ async: true });
    store.down = true;
    const s = new Session('abcdefghijklmnopqrstuvwxyz012345', { store });
    const error = await Promise.resolve(s.load()).catch((e: unknown) => e);
    expect(SessionStoreError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('async memory session store failed to load');
    expect((error as Error).cause).toBeInstanceOf(Error);
    // Not cached: the next request's load asks again.
    store.down = false;
    await s.load();
  });

  it('with explicitLoad every read before load() throws, even on a sync store', () => {
    const s = new Session(null, { store: cookieStore, explicitLoad: true });
    expect(() => s.get('a')).toThrow(/load: 'explicit'/);
    void s.load();
    expect(s.get('a')).toBeUndefined();
  });
});

describe('Session properties', () => {
  const json = fc.jsonValue({ maxDepth: 3 }).filter((value) => !Object.is(value, -0));
  it('what set() stores comes back from the cookie store, whatever the keys and values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), json, { maxKeys: 8 }), (entries) => {
        const s = session();
        for (const [key, value] of Object.entries(entries)) s.set(key, value);
        const reloaded = session(cookieStore.save(null, Object.fromEntries(s.items())));
        expect(Object.fromEntries(reloaded.items())).toEqual(JSON.parse(JSON.stringify(entries)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('Session against a Python dict model (property)', () => {
  type Op =
    | { op: 'set'; key: string; value: number }
    | { op: 'delete' | 'pop' | 'has' | 'get'; key: string }
    | { op: 'setdefault'; key: string; value: number }
    | { op: 'clear' };
  const key = fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor');
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('set' as const), key, value: fc.integer() }),
    fc.record({
      op: fc.constantFrom('delete' as const, 'pop' as const, 'has' as const, 'get' as const),
      key,
    }),
    fc.record({ op: fc.constant('setdefault' as const), key, value: fc.integer() }),
    fc.record({ op: fc.constant('clear' as const) }),
  );

  it("keeps the same keys, values and modified flag as Django's SessionBase", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const s = session();
        const model = new Map<string, number>();
        let modified = false;
        for (const step of ops) {
          switch (step.op) {
            case 'set':
              s.set(step.key, step.value);
              model.set(step.key, step.value);
              modified = true;
              break;
            case 'delete':
              if (model.has(step.key)) {
                s.delete(step.key);
                model.delete(step.key);
                modified = true;
              } else {
                expect(() => s.delete(step.key)).toThrow(KeyError);
              }
              break;
            case 'pop':
              expect(s.pop(step.key, null)).toBe(model.get(step.key) ?? null);
              if (model.delete(step.key)) modified = true;
              break;
            case 'has':
              expect(s.has(step.key)).toBe(model.has(step.key));
              break;
            case 'get':
              expect(s.get(step.key)).toBe(model.get(step.key));
              break;
            case 'setdefault':
              if (!model.has(step.key)) {
                model.set(step.key, step.value);
                modified = true;
              }
              expect(s.setdefault(step.key, step.value)).toBe(model.get(step.key));
              break;
            case 'clear':
              s.clear();
              model.clear();
              modified = true;
              break;
          }
          expect(s.items()).toEqual([...model]);
          expect(s.modified).toBe(modified);
        }
      }),
      { numRuns: 300 },
    );
  });
});
