import { describe, expect, it } from 'vitest';
import { LocMemCache } from './locmem-cache.js';

describe('LocMemCache', () => {
  it('culls a third of the least recently used entries when full (MAX_ENTRIES, CULL_FREQUENCY)', async () => {
    const cache = new LocMemCache({ location: 'cull-3', maxEntries: 9, cullFrequency: 3 });
    for (let i = 0; i < 9; i += 1) await cache.set(`k${i}`, i);
    // Reading k0..k2 makes k3..k5 the least recently used.
    for (let i = 0; i < 3; i += 1) await cache.get(`k${i}`);
    await cache.set('new', 'value');
    const present = [];
    for (let i = 0; i < 9; i += 1) if (await cache.has(`k${i}`)) present.push(i);
    expect(present).toEqual([0, 1, 2, 6, 7, 8]);
    expect(await cache.get('new')).toBe('value');
  });

  it('empties itself when full with CULL_FREQUENCY 0', async () => {
    const cache = new LocMemCache({ location: 'cull-0', maxEntries: 3, cullFrequency: 0 });
    for (let i = 0; i < 3; i += 1) await cache.set(`k${i}`, i);
    await cache.set('new', 1);
    expect((await cache.getMany(['k0', 'k1', 'k2', 'new'])).size).toBe(1);
  });

  it("never holds more than maxEntries, even where Django's division culls none", async () => {
    const cache = new LocMemCache({ location: 'bounded', maxEntries: 2, cullFrequency: 3 });
    for (let i = 0; i < 10; i += 1) await cache.set(`k${i}`, i);
    expect((await cache.getMany(Array.from({ length: 10 }, (_, i) => `k${i}`))).size).toBe(2);
  });

  it('shares entries between caches with the same location, as Django does', async () => {
    const one = new LocMemCache({ location: 'shared-place' });
    const two = new LocMemCache({ location: 'shared-place' });
    const other = new LocMemCache({ location: 'elsewhere' });
    await one.set('k', 'v');
    expect(await two.get('k')).toBe('v');
    expect(await other.get('k')).toBeNull();
  });

  it("keeps an entry's expiry across incr, as Django's locmem does", async () => {
    const cache = new LocMemCache({ location: 'incr-expiry' });
    await cache.set('n', 1, 0.05);
    expect(await cache.incr('n')).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await cache.get('n')).toBeNull();
  });
});
