import { afterEach, describe, expect, it } from 'vitest';
import { LocMemCache } from './backends/locmem-cache.js';
import { caches, closeCaches, configureCaches } from './caches.js';
import { cache } from './default-cache.js';
import { InvalidCacheBackendError } from './errors.js';

describe('caches', () => {
  afterEach(() => {
    configureCaches({ default: { backend: 'locmem' } });
  });

  it('builds each alias once, on first use; cache is the default alias', async () => {
    configureCaches({
      default: { backend: 'locmem', location: 'aliases-default' },
      other: { backend: 'locmem', location: 'aliases-other', keyPrefix: 'o' },
    });
    expect(caches.get('other')).toBe(caches.get('other'));
    expect(caches.get('other').keyPrefix).toBe('o');
    expect(caches.get('other').alias).toBe('other');
    await cache.set('k', 'v');
    expect(await caches.get('default').get('k')).toBe('v');
    expect(await caches.get('other').get('k')).toBeNull();
    expect(caches.aliases()).toEqual(['default', 'other']);
  });

  it('accepts a factory as backend', () => {
    configureCaches({
      default: { backend: ({ alias }) => new LocMemCache({ alias, timeout: 5 }) },
    });
    expect(caches.get().defaultTimeout).toBe(5);
  });

  it('names the missing alias and the configured ones', () => {
    expect(() => caches.get('nope')).toThrow(InvalidCacheBackendError);
    expect(() => caches.get('nope')).toThrow(
      "Could not find config for 'nope' in the caches setting (configured: 'default')",
    );
  });

  it('refuses a configuration without default, an unknown backend, or a database cache without db', () => {
    expect(() => configureCaches({})).toThrow(/must define a 'default' cache/);
    expect(() => configureCaches({ default: { backend: 'memcached' as 'locmem' } })).toThrow(
      `The cache 'default' has the unknown backend "memcached". Use one of 'locmem', 'redis', 'database', 'dummy'`,
    );
    expect(() =>
      configureCaches({ default: { backend: 'database', location: 't' } as never }),
    ).toThrow(/has no db \(a Kysely instance\)/);
  });

  it('closeCaches drops the built caches; they are rebuilt on next use', async () => {
    const first = caches.get();
    await closeCaches();
    expect(caches.get()).not.toBe(first);
  });

  it("timeout falls back to 300 for a value Django's int() refuses, and null means forever", () => {
    expect(new LocMemCache({ timeout: 'soon' as unknown as number }).defaultTimeout).toBe(300);
    expect(new LocMemCache({ timeout: null }).defaultTimeout).toBeNull();
    expect(new LocMemCache({}).defaultTimeout).toBe(300);
  });
});
