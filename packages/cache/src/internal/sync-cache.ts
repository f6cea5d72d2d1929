/**
 * A cache that can answer without a promise (the local-memory one): `{% cache %}` under a
 * synchronous `render()` and the page cache's hit path use it, so a memory hit costs no
 * microtask hops.
 */
import type { BaseCache } from '../base-cache.js';

/**
 * The page cache's hit path on the local-memory cache: a read by a key already made (see
 * `BaseCache.stableKey`, kept per URL), with expiry checked against a clock reading the caller
 * took once for the request, as if Django's `get`s of the header list and of the page ran at one
 * moment. A hit then touches the LRU store and nothing else (measured: the two key-memo lookups
 * and two clock readings were a quarter of a hit's own CPU).
 */
export const READ_MADE = Symbol('reins.cache.readMade');

/** `BaseCache`'s stored key of a key when it never changes, or null: see `READ_MADE`. */
export const STABLE_KEY = Symbol('reins.cache.stableKey');

export interface SyncCache {
  getSync(key: string): unknown;
  setSync(key: string, value: unknown, timeout?: number | null): void;
  /** `getSync()` of the key whose made form is `made`, as at `now` (ms since the epoch). */
  [READ_MADE]?(made: string, now: number): unknown;
}

export function hasSync(cache: BaseCache): cache is BaseCache & SyncCache {
  return typeof (cache as Partial<SyncCache>).getSync === 'function';
}
