import { describe, expect, it } from 'vitest';
import { CacheKeyNotFound } from '../errors.js';
import { DummyCache } from './dummy-cache.js';

describe('DummyCache', () => {
  it("accepts every call and remembers nothing, as Django's", async () => {
    const cache = new DummyCache();
    await cache.set('k', 'v');
    expect(await cache.get('k')).toBeNull();
    expect(await cache.get('k', 'default')).toBe('default');
    expect(await cache.add('k', 'v')).toBe(true);
    expect(await cache.getOrSet('k', () => 'computed')).toBe('computed');
    expect(await cache.has('k')).toBe(false);
    expect(await cache.delete('k')).toBe(false);
    expect(await cache.touch('k')).toBe(false);
    expect(await cache.setMany({ a: 1 })).toEqual([]);
    expect((await cache.getMany(['a'])).size).toBe(0);
    await expect(cache.incr('k')).rejects.toThrow(CacheKeyNotFound);
    await expect(cache.incrVersion('k')).rejects.toThrow(CacheKeyNotFound);
    await cache.clear();
  });
});
