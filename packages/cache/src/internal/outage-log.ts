/**
 * A cache that fails must not fail the page: the per-view and per-site caches fall back to
 * computing the response, and say so once per outage (not once per request), again only after
 * the cache has worked in between.
 */
import type { BaseCache } from '../base-cache.js';

/** The shape of `@reins/server`'s logger, so the server's can be passed as it is. */
export interface CacheLogger {
  log(record: { level: 'warning'; logger: string; message: string; error?: unknown }): void;
}

export const consoleCacheLogger: CacheLogger = {
  log(record) {
    process.stderr.write(`[${record.logger}] ${record.message}\n`);
  },
};

const failing = new WeakSet<BaseCache>();
// Until some cache has failed, a hit need not look itself up in the set (a weak-set lookup per
// request); after that it always does.
let everFailed = false;

export function cacheWorked(cache: BaseCache): void {
  if (everFailed) failing.delete(cache);
}

export function cacheFailed(cache: BaseCache, error: unknown, logger: CacheLogger): void {
  if (failing.has(cache)) return;
  everFailed = true;
  failing.add(cache);
  const reason = error instanceof Error ? error.message : String(error);
  logger.log({
    level: 'warning',
    logger: 'reins.cache',
    message: `The page cache '${cache.alias}' failed; serving pages uncached until it works again. ${reason}`,
    error,
  });
}
