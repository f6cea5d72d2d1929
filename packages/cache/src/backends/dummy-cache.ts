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
  protected async rawGet(): Promise<Maybe> {
    return MISSING;
  }
  protected async rawSet(): Promise<void> {}
  protected async rawAdd(): Promise<boolean> {
    return true;
  }
  protected async rawDelete(): Promise<boolean> {
    return false;
  }
  protected async rawTouch(): Promise<boolean> {
    return false;
  }
  protected override async rawSetMany(): Promise<string[]> {
    return [];
  }
  protected override async rawIncr(
    _key: string,
    _delta: number,
    original: string,
  ): Promise<number> {
    throw new CacheKeyNotFound(`Key '${original}' not found`);
  }
  async clear(): Promise<void> {}
}
