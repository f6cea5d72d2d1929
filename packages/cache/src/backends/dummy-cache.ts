/**
 * {@link DummyCache}: Django's `DummyCache`, a cache that stores nothing, for development and
 * tests that must not see cached data. Keys are still made and checked.
 *
 * @module
 */
import { BaseCache, MISSING, type Maybe } from '../base-cache.js';
import { CacheKeyNotFound } from '../errors.js';

/**
 * A cache that remembers nothing (Django's `dummy.DummyCache`).
 *
 * @example
 * configureCaches({ default: { backend: 'dummy' } });
 */
export class DummyCache extends BaseCache {
  protected rawGet(): Promise<Maybe> {
    return Promise.resolve(MISSING);
  }
  protected rawSet(): Promise<void> {
    return Promise.resolve();
  }
  protected rawAdd(): Promise<boolean> {
    return Promise.resolve(true);
  }
  protected rawDelete(): Promise<boolean> {
    return Promise.resolve(false);
  }
  protected rawTouch(): Promise<boolean> {
    return Promise.resolve(false);
  }
  protected override rawSetMany(): Promise<string[]> {
    return Promise.resolve([]);
  }
  protected override rawIncr(_key: string, _delta: number, original: string): Promise<number> {
    return Promise.reject(new CacheKeyNotFound(`Key '${original}' not found`));
  }
  clear(): Promise<void> {
    return Promise.resolve();
  }
}
