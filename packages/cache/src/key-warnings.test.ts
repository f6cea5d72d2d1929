import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocMemCache } from './backends/locmem-cache.js';
import { checkCacheKey } from './key-warnings.js';

describe('cache key warnings', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('warns through process warnings (CacheKeyWarning) once per key, and still stores the value', async () => {
    const warnings: { message: string; type: string | undefined }[] = [];
    vi.spyOn(process, 'emitWarning').mockImplementation(((
      message: string,
      options?: { type?: string },
    ) => {
      warnings.push({ message, type: options?.type });
    }) as typeof process.emitWarning);
    const cache = new LocMemCache({ location: 'warnings' });
    await cache.set('has space', 1);
    await cache.set('has space', 2);
    await cache.get('x'.repeat(300));
    expect(warnings).toEqual([
      {
        message:
          "Cache key contains characters that will cause errors if used with memcached: ':1:has space'",
        type: 'CacheKeyWarning',
      },
      {
        message: `Cache key will cause errors if used with memcached: ':1:${'x'.repeat(300)}' (longer than 250)`,
        type: 'CacheKeyWarning',
      },
    ]);
    expect(await cache.get('has space')).toBe(2);
  });

  it('gives the same rules as check messages', () => {
    expect(checkCacheKey('views.sidebar')).toEqual([]);
    const found = checkCacheKey(`bad key ${'y'.repeat(250)}`);
    expect(found.map((m) => m.id)).toEqual(['cache.W001', 'cache.W002']);
    expect(found[0]!.hint).toMatch(/250 characters/);
  });
});
