/**
 * The backend contract: one suite of Django's cache behaviour (from Django's own cache tests),
 * run on every backend that stores values.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CacheKeyNotFound, CacheValueTooLarge, type BaseCache } from '../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function runCacheContract(
  name: string,
  make: (options: {
    keyPrefix?: string;
    version?: number;
    timeout?: number | null;
    maxValueBytes?: number;
  }) => Promise<BaseCache> | BaseCache,
): void {
  describe(`cache contract: ${name}`, () => {
    let cache: BaseCache;
    const made: BaseCache[] = [];
    const build = async (options = {}) => {
      const instance = await make(options);
      made.push(instance);
      return instance;
    };
    beforeEach(async () => {
      cache = await build();
      await cache.clear();
    });
    afterAll(async () => {
      for (const instance of made) await instance.close();
    });

    it('gets what it sets, and the default (null) for what is missing', async () => {
      await cache.set('key', 'value');
      expect(await cache.get('key')).toBe('value');
      expect(await cache.get('missing')).toBeNull();
      expect(await cache.get('missing', 'fallback')).toBe('fallback');
    });

    it('round-trips the value types a project stores', async () => {
      const values: Record<string, unknown> = {
        string: 'héllo ☃',
        integer: 42,
        negative: -7,
        float: 1.5,
        big: 2 ** 60,
        boolean: true,
        nothing: null,
        list: [1, 'two', { three: 3 }],
        object: { a: 1, nested: { b: [true, false] } },
        date: new Date('2026-12-07T06:00:00Z'),
        bytes: new Uint8Array([0, 1, 2, 255]),
        digits: '123',
      };
      for (const [key, value] of Object.entries(values)) await cache.set(key, value);
      for (const [key, value] of Object.entries(values))
        expect(await cache.get(key)).toEqual(value);
      // A stored null is a hit, not a miss.
      expect(await cache.has('nothing')).toBe(true);
    });

    it('stores a copy: changing the object afterwards does not change the cached one', async () => {
      const value = { count: 1 };
      await cache.set('object', value);
      value.count = 2;
      expect(await cache.get('object')).toEqual({ count: 1 });
    });

    it('add stores only when the key is missing', async () => {
      expect(await cache.add('key', 'first')).toBe(true);
      expect(await cache.add('key', 'second')).toBe(false);
      expect(await cache.get('key')).toBe('first');
    });

    it('timeout 0 expires at once; null never expires; undefined uses the default', async () => {
      await cache.set('zero', 'value', 0);
      expect(await cache.get('zero')).toBeNull();
      expect(await cache.has('zero')).toBe(false);
      await cache.set('existing', 'value');
      await cache.set('existing', 'value', 0);
      expect(await cache.get('existing')).toBeNull();
      await cache.set('forever', 'value', null);
      expect(await cache.get('forever')).toBe('value');
      expect(await cache.add('zero', 'again', 0)).toBe(true);
      expect(await cache.get('zero')).toBeNull();
    });

    it('expires a value after its timeout', async () => {
      await cache.set('short', 'value', 1);
      expect(await cache.get('short')).toBe('value');
      await sleep(1100);
      expect(await cache.get('short')).toBeNull();
      expect(await cache.add('short', 'new', 1)).toBe(true);
      expect(await cache.get('short')).toBe('new');
    });

    it('getOrSet stores the default (or what calling it gives) and returns the cached value after', async () => {
      expect(await cache.getOrSet('key', 'value')).toBe('value');
      expect(await cache.getOrSet('key', 'other')).toBe('value');
      expect(await cache.getOrSet('computed', () => 'made')).toBe('made');
      expect(await cache.getOrSet('async', () => Promise.resolve(7))).toBe(7);
      expect(await cache.get('async')).toBe(7);
    });

    it('deletes, and says whether the key was there', async () => {
      await cache.set('key', 'value');
      expect(await cache.delete('key')).toBe(true);
      expect(await cache.delete('key')).toBe(false);
      expect(await cache.get('key')).toBeNull();
    });

    it('getMany returns only the keys present; setMany and deleteMany work on several', async () => {
      expect(await cache.setMany({ a: 1, b: 'two', c: null })).toEqual([]);
      const found = await cache.getMany(['a', 'b', 'c', 'missing']);
      expect([...found]).toEqual([
        ['a', 1],
        ['b', 'two'],
        ['c', null],
      ]);
      await cache.deleteMany(['a', 'b']);
      expect([...(await cache.getMany(['a', 'b', 'c']))]).toEqual([['c', null]]);
      expect((await cache.getMany([])).size).toBe(0);
      await cache.setMany(new Map([['x', 1]]), 0);
      expect(await cache.has('x')).toBe(false);
    });

    it('incr and decr change numbers; a missing key is an error as in Django', async () => {
      await cache.set('answer', 41);
      expect(await cache.incr('answer')).toBe(42);
      expect(await cache.incr('answer', 10)).toBe(52);
      expect(await cache.decr('answer', 2)).toBe(50);
      expect(await cache.get('answer')).toBe(50);
      await expect(cache.incr('missing')).rejects.toThrow(CacheKeyNotFound);
      await expect(cache.incr('missing')).rejects.toThrow("Key 'missing' not found");
      await expect(cache.decr('missing')).rejects.toThrow(CacheKeyNotFound);
    });

    it('touch changes the expiry of present keys only', async () => {
      await cache.set('key', 'value', 1);
      expect(await cache.touch('key', null)).toBe(true);
      await sleep(1100);
      expect(await cache.get('key')).toBe('value');
      expect(await cache.touch('missing', 10)).toBe(false);
      expect(await cache.touch('key', 0)).toBe(true);
      expect(await cache.get('key')).toBeNull();
    });

    it('versions keep values apart; incrVersion and decrVersion move one', async () => {
      await cache.set('key', 'v1');
      await cache.set('key', 'v2', undefined, 2);
      expect(await cache.get('key')).toBe('v1');
      expect(await cache.get('key', null, 2)).toBe('v2');
      expect(await cache.incrVersion('key', 1, 2)).toBe(3);
      expect(await cache.get('key', null, 2)).toBeNull();
      expect(await cache.get('key', null, 3)).toBe('v2');
      expect(await cache.decrVersion('key', 2, 3)).toBe(1);
      expect(await cache.get('key')).toBe('v2');
      await expect(cache.incrVersion('missing')).rejects.toThrow(CacheKeyNotFound);
    });

    it('a cache with another version or key prefix does not see the values', async () => {
      const v2 = await build({ version: 2 });
      const prefixed = await build({ keyPrefix: 'other' });
      await cache.set('shared', 'v1');
      expect(await v2.get('shared')).toBeNull();
      expect(await prefixed.get('shared')).toBeNull();
      await v2.set('shared', 'v2');
      expect(await cache.get('shared')).toBe('v1');
    });

    it('refuses a value larger than maxValueBytes with an error naming the key and the limit', async () => {
      const small = await build({ maxValueBytes: 100 });
      await expect(small.set('big', 'x'.repeat(200))).rejects.toThrow(CacheValueTooLarge);
      await expect(small.set('big', { list: 'y'.repeat(200) })).rejects.toThrow(
        /cache key ':1:big' is \d+ bytes serialised, over the cache '[^']+' limit of 100 bytes/,
      );
      await small.set('fits', 'x'.repeat(50));
      expect(await small.get('fits')).toBe('x'.repeat(50));
    });

    it('clear removes everything', async () => {
      await cache.setMany({ a: 1, b: 2 });
      await cache.clear();
      expect((await cache.getMany(['a', 'b'])).size).toBe(0);
    });
  });
}
