/**
 * The shared store contract suite: every {@link SessionStore} runs it from its own test file.
 *
 * @example
 * runStoreContract('redis session store', async () => new RedisSessionStore({ url }));
 */
import { isThenable } from '@reins/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionData, SessionStore } from '../src/session-store.js';
import { UpdateError } from '../src/session-store.js';

/** What a store's own test tells the suite about it. */
export interface StoreContractOptions {
  /**
   * The key IS the data (the signed-cookie store): nothing is kept on the server, so `exists()` is
   * always false, `delete()` forgets nothing and keys are not Django's 32 characters. The
   * server-side tests are then left out (they cannot apply), and a key's lifetime is the
   * store's `maxAge`, tested in the store's own file.
   */
  keyHoldsData?: boolean;
}

const DAY = 86_400;

function future(seconds = DAY): { expireDate: Date; expiryAge: number } {
  return { expireDate: new Date(Date.now() + seconds * 1000), expiryAge: seconds };
}

function past(): { expireDate: Date; expiryAge: number } {
  return { expireDate: new Date(Date.now() - 10_000), expiryAge: -10 };
}

const SAMPLE: SessionData = {
  visits: 3,
  user: { id: '42', name: 'Jörg ✓ 🐎', roles: ['staff', 'editor'] },
  ratio: 0.5,
  flag: true,
  nothing: null,
  _session_expiry: 0,
};

// A well-formed key nobody saved, and keys no store ever hands out.
const UNKNOWN_KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const GARBAGE_KEYS = [
  '',
  'x',
  'short',
  ' '.repeat(40),
  'a'.repeat(41),
  'a'.repeat(5000),
  '../../etc/passwd',
  "'; DROP TABLE django_session; --",
  '\u0000\u0001\u00ff',
  'ключ-сессии-🐎',
  '.eJyrVirLLC4tUrJSKs7PTVUCAB4GBJM:1kq:bad',
  'e30:1kq2Xm:AAAA',
];

/**
 * Run the store contract on the stores `makeStore` returns (a fresh, empty one per test; closed
 * after it when it has `close()`).
 *
 * @example
 * runStoreContract('SQLite session store', () => databaseStore({ dialect }));
 */
export function runStoreContract(
  name: string,
  makeStore: () => SessionStore | Promise<SessionStore>,
  options: StoreContractOptions = {},
): void {
  const serverSide = !options.keyHoldsData;

  describe(`store contract: ${name}`, () => {
    let opened: SessionStore[] = [];
    const open = async (): Promise<SessionStore> => {
      const store = await makeStore();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened) await store.close?.();
      opened = [];
    });

    it('has a name for error messages', async () => {
      const store = await open();
      expect(typeof store.name).toBe('string');
      expect(store.name).toMatch(/session store/);
    });

    it('returns no promise from any method when it says it is sync', async () => {
      const store = await open();
      if (!store.sync) return;
      const key = store.save(null, { a: 1 }, { ...future(), mustCreate: true });
      expect(isThenable(key)).toBe(false);
      for (const result of [
        store.load(key as string),
        store.exists(key as string),
        store.delete(key as string),
        store.clearExpired(),
      ]) {
        expect(isThenable(result)).toBe(false);
      }
    });

    it('saves under a fresh key and loads the same data back', async () => {
      const store = await open();
      const key = await store.save(null, SAMPLE, { ...future(), mustCreate: true });
      expect(typeof key).toBe('string');
      expect(key.length).toBeGreaterThanOrEqual(8);
      expect(await store.load(key)).toEqual(SAMPLE);
    });

    it('saves an empty session', async () => {
      const store = await open();
      const key = await store.save(null, {}, { ...future(), mustCreate: true });
      expect(await store.load(key)).toEqual({});
    });

    it('loads null for a key nobody saved', async () => {
      const store = await open();
      expect(await store.load(UNKNOWN_KEY)).toBeNull();
      expect(await store.exists(UNKNOWN_KEY)).toBe(false);
    });

    it('loads null, never throws, for garbage keys', async () => {
      const store = await open();
      for (const key of GARBAGE_KEYS) {
        expect(await store.load(key), JSON.stringify(key)).toBeNull();
        expect(await store.exists(key), JSON.stringify(key)).toBe(false);
        await store.delete(key);
      }
    });

    it('gives a fresh key to every new session', async () => {
      const store = await open();
      const first = await store.save(null, { n: 1 }, { ...future(), mustCreate: true });
      const second = await store.save(null, { n: 2 }, { ...future(), mustCreate: true });
      expect(first).not.toBe(second);
      expect(await store.load(first)).toEqual({ n: 1 });
      expect(await store.load(second)).toEqual({ n: 2 });
    });

    it('does nothing harmful on clearExpired() with live sessions', async () => {
      const store = await open();
      const key = await store.save(null, { live: true }, { ...future(), mustCreate: true });
      await store.clearExpired();
      expect(await store.load(key)).toEqual({ live: true });
    });

    // Skipped for the cookie store only: it keeps nothing server-side (see keyHoldsData).
    describe.skipIf(!serverSide)('server-side stores', () => {
      it("hands out Django's keys: 32 characters of [a-z0-9]", async () => {
        const store = await open();
        const key = await store.save(null, {}, { ...future(), mustCreate: true });
        expect(key).toMatch(/^[a-z0-9]{32}$/);
      });

      it('overwrites an existing key without mustCreate and keeps the key', async () => {
        const store = await open();
        const key = await store.save(null, { n: 1 }, { ...future(), mustCreate: true });
        const again = await store.save(key, { n: 2 }, { ...future(), mustCreate: false });
        expect(again).toBe(key);
        expect(await store.load(key)).toEqual({ n: 2 });
      });

      it('saves a chosen key with mustCreate when it is free', async () => {
        const store = await open();
        const key = await store.save(UNKNOWN_KEY, { n: 1 }, { ...future(), mustCreate: true });
        expect(key).toBe(UNKNOWN_KEY);
        expect(await store.load(UNKNOWN_KEY)).toEqual({ n: 1 });
      });

      it('never overwrites an existing key with mustCreate: it picks another', async () => {
        const store = await open();
        const key = await store.save(null, { owner: 'first' }, { ...future(), mustCreate: true });
        const other = await store.save(key, { owner: 'second' }, { ...future(), mustCreate: true });
        expect(other).not.toBe(key);
        expect(other).toMatch(/^[a-z0-9]{32}$/);
        expect(await store.load(key)).toEqual({ owner: 'first' });
        expect(await store.load(other)).toEqual({ owner: 'second' });
      });

      it('throws UpdateError rather than recreate a deleted key without mustCreate', async () => {
        const store = await open();
        const key = await store.save(null, { user: 1 }, { ...future(), mustCreate: true });
        await store.delete(key);
        let thrown: unknown;
        try {
          await store.save(key, { user: 1, more: true }, { ...future(), mustCreate: false });
        } catch (error) {
          thrown = error;
        }
        expect(UpdateError.isInstance(thrown)).toBe(true);
        expect(await store.load(key)).toBeNull();
      });

      it('knows which keys exist', async () => {
        const store = await open();
        const key = await store.save(null, { n: 1 }, { ...future(), mustCreate: true });
        expect(await store.exists(key)).toBe(true);
        expect(await store.exists(UNKNOWN_KEY)).toBe(false);
      });

      it('deletes a session, and deleting a missing one is no error', async () => {
        const store = await open();
        const key = await store.save(null, { n: 1 }, { ...future(), mustCreate: true });
        const kept = await store.save(null, { n: 2 }, { ...future(), mustCreate: true });
        await store.delete(key);
        expect(await store.load(key)).toBeNull();
        expect(await store.exists(key)).toBe(false);
        await store.delete(key);
        await store.delete(UNKNOWN_KEY);
        expect(await store.load(kept)).toEqual({ n: 2 });
      });

      it('loads null for a session past its expireDate', async () => {
        const store = await open();
        const key = await store.save(null, { n: 1 }, { ...past(), mustCreate: true });
        expect(await store.load(key)).toBeNull();
      });

      it('loads a session updated to a later expireDate', async () => {
        const store = await open();
        const key = await store.save(null, { n: 1 }, { ...future(5), mustCreate: true });
        await store.save(key, { n: 2 }, { ...future(DAY * 30), mustCreate: false });
        expect(await store.load(key)).toEqual({ n: 2 });
      });

      it('clearExpired() removes expired sessions and keeps live ones', async () => {
        const store = await open();
        const expired = await store.save(null, { n: 1 }, { ...past(), mustCreate: true });
        const live = await store.save(null, { n: 2 }, { ...future(), mustCreate: true });
        await store.clearExpired();
        expect(await store.exists(expired)).toBe(false);
        expect(await store.load(expired)).toBeNull();
        expect(await store.load(live)).toEqual({ n: 2 });
      });

      it('frees an expired key for mustCreate once clearExpired() removed it', async () => {
        const store = await open();
        const key = await store.save(null, { n: 1 }, { ...past(), mustCreate: true });
        await store.clearExpired();
        const again = await store.save(key, { n: 2 }, { ...future(), mustCreate: true });
        expect(again).toBe(key);
        expect(await store.load(key)).toEqual({ n: 2 });
      });
    });
  });
}
