/**
 * A cache that can answer without a promise (the local-memory one): `{% cache %}` under a
 * synchronous `render()` and the page cache's hit path use it, so a memory hit costs no
 * microtask hops.
 */
import type { BaseCache } from '../base-cache.js';

export interface SyncCache {
  getSync(key: string): unknown;
  setSync(key: string, value: unknown, timeout?: number | null): void;
}

export function hasSync(cache: BaseCache): cache is BaseCache & SyncCache {
  return typeof (cache as Partial<SyncCache>).getSync === 'function';
}
