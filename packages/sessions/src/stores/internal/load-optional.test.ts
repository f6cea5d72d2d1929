import { ImproperlyConfigured } from '@reins/core';
import { describe, expect, it } from 'vitest';
import { loadOptional } from './load-optional.js';

describe('loadOptional', () => {
  it('says which package to install when it is missing', async () => {
    const error = await loadOptional<unknown>(
      'reins-no-such-driver',
      'redis session store',
      'sessionStore',
      // @ts-expect-error: a package that does not exist, on purpose
      () => import('reins-no-such-driver'),
    ).catch((e: unknown) => e);
    expect(ImproperlyConfigured.isInstance(error)).toBe(true);
    expect((error as ImproperlyConfigured).setting).toBe('sessionStore');
    expect((error as Error).message).toContain(
      "The redis session store needs the 'reins-no-such-driver' package, which is not installed: run `pnpm add reins-no-such-driver`",
    );
  });

  it('lets any other failure through unchanged', async () => {
    const failure = new Error('boom');
    await expect(
      loadOptional('x', 'redis session store', 'sessionStore', () => Promise.reject(failure)),
    ).rejects.toBe(failure);
  });
});
