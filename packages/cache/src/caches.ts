/**
 * {@link caches} and {@link configureCaches}: Django's `CACHES` setting and `caches[alias]`. Each
 * alias is built on first use from its configuration and kept for the process (Django keeps one
 * per thread; Node has one thread). `cache` is the `default` alias.
 *
 * @module
 */
import type { BaseCache, BaseCacheOptions } from './base-cache.js';
import {
  createCacheTable,
  DatabaseCache,
  type DatabaseCacheOptions,
} from './backends/database-cache.js';
import { DummyCache } from './backends/dummy-cache.js';
import { LocMemCache, type LocMemCacheOptions } from './backends/locmem-cache.js';
import { RedisCache, type RedisCacheOptions } from './backends/redis-cache.js';
import { InvalidCacheBackendError } from './errors.js';

/** Django's `DEFAULT_CACHE_ALIAS`. */
export const DEFAULT_CACHE_ALIAS = 'default';

/**
 * One entry of {@link CachesConfig}: a backend name with its options, or a factory.
 *
 * @example
 * const entry: CacheConfig = { backend: 'redis', location: 'redis://127.0.0.1:6379/0', timeout: 60 };
 */
export type CacheConfig =
  | ({ backend: 'locmem' } & LocMemCacheOptions)
  | ({ backend: 'redis' } & RedisCacheOptions)
  | ({ backend: 'database' } & DatabaseCacheOptions)
  | ({ backend: 'dummy' } & BaseCacheOptions)
  | { backend: (options: { alias: string }) => BaseCache };

/**
 * Django's `CACHES`: caches by alias; `default` is the one `cache` and the middleware use.
 *
 * @example
 * const config: CachesConfig = { default: { backend: 'locmem' } };
 */
export type CachesConfig = Record<string, CacheConfig>;

const BACKENDS = ['locmem', 'redis', 'database', 'dummy'];
interface Registry {
  config: CachesConfig;
  instances: Map<string, BaseCache>;
  /** For `reins createcachetable`, which finds the app's caches here without importing this package. */
  createCacheTables?: (options?: { dryRun?: boolean }) => Promise<string[]>;
}
// One registry per process, even when two copies of this package are loaded (an app bundled
// with its own copy, the CLI with another): `reins createcachetable` must see the app's caches.
const REGISTRY = Symbol.for('reins.cache.registry');
const registry: Registry = ((globalThis as Record<symbol, Registry | undefined>)[REGISTRY] ??= {
  config: { default: { backend: 'locmem' } },
  instances: new Map(),
});
const instances = registry.instances;

function build(alias: string, entry: CacheConfig): BaseCache {
  const { backend } = entry;
  if (typeof backend === 'function') return backend({ alias });
  switch (backend) {
    case 'locmem':
      return new LocMemCache({ ...entry, alias });
    case 'redis':
      return new RedisCache({ ...entry, alias });
    case 'database':
      if (!entry.db || !entry.location) {
        throw new InvalidCacheBackendError(
          `The cache '${alias}' uses the database backend but has no ${entry.db ? 'location (the table name)' : 'db (a Kysely instance)'}. Give both: { backend: 'database', db, location: 'my_cache_table' }.`,
          { setting: `caches.${alias}` },
        );
      }
      return new DatabaseCache({ ...entry, alias });
    case 'dummy':
      return new DummyCache({ ...entry, alias });
    default:
      throw new InvalidCacheBackendError(
        `The cache '${alias}' has the unknown backend ${JSON.stringify(backend)}. Use one of ${BACKENDS.map((b) => `'${b}'`).join(', ')}, or a function returning a BaseCache.`,
        { setting: `caches.${alias}` },
      );
  }
}

/**
 * Set Django's `CACHES`; caches already built under other settings are closed and dropped.
 *
 * @example
 * configureCaches({ default: { backend: 'locmem' }, shared: { backend: 'redis', location: process.env.REDIS_URL } });
 */
export function configureCaches(caches: CachesConfig): void {
  if (!caches || typeof caches !== 'object' || !caches[DEFAULT_CACHE_ALIAS]) {
    throw new InvalidCacheBackendError(
      `The caches setting must define a 'default' cache; got ${JSON.stringify(Object.keys(caches ?? {}))}. Add { default: { backend: 'locmem' } }.`,
      { setting: 'caches' },
    );
  }
  // Fail at start-up, not on the first request: building checks the backend name and its options.
  for (const [alias, entry] of Object.entries(caches)) {
    const backend = entry?.backend;
    if (typeof backend === 'string' && (backend === 'database' || !BACKENDS.includes(backend))) {
      build(alias, entry);
    }
  }
  void closeCaches();
  registry.config = caches;
}

/**
 * Close every cache built so far (connections, pools); they are rebuilt on next use.
 *
 * @example
 * process.on('SIGTERM', () => closeCaches());
 */
export async function closeCaches(): Promise<void> {
  const open = [...instances.values()];
  instances.clear();
  await Promise.all(open.map((cache) => cache.close()));
}

/**
 * Django's `caches`: `caches.get('alias')`, built on first use.
 *
 * @example
 * const sessions = caches.get('sessions');
 */
export const caches = {
  /** The cache configured under `alias`. */
  get(alias: string = DEFAULT_CACHE_ALIAS): BaseCache {
    let cache = instances.get(alias);
    if (cache === undefined) {
      const entry = registry.config[alias];
      if (entry === undefined) {
        throw new InvalidCacheBackendError(
          `Could not find config for '${alias}' in the caches setting (configured: ${Object.keys(
            registry.config,
          )
            .map((a) => `'${a}'`)
            .join(', ')}). Add it to configureCaches({ ... }).`,
          { setting: 'caches' },
        );
      }
      cache = build(alias, entry);
      instances.set(alias, cache);
    }
    return cache;
  },
  /** The aliases configured. */
  aliases(): string[] {
    return Object.keys(registry.config);
  },
};

/**
 * Django's `createcachetable`: create the table of every database cache configured, and return
 * what Django prints (`Cache table 'x' already exists.`, or with `dryRun` the SQL).
 *
 * @example
 * for (const line of await createCacheTables()) console.log(line);
 */
export async function createCacheTables({ dryRun = false }: { dryRun?: boolean } = {}): Promise<
  string[]
> {
  const lines: string[] = [];
  for (const alias of caches.aliases()) {
    const cache = caches.get(alias);
    if (!(cache instanceof DatabaseCache)) continue;
    const result = await createCacheTable(cache.db, cache.table, { dryRun });
    if (result.status === 'exists') lines.push(`Cache table '${cache.table}' already exists.`);
    else if (result.status === 'dry-run') lines.push(...result.sql);
    else lines.push(`Cache table '${cache.table}' created.`);
  }
  return lines;
}

registry.createCacheTables = createCacheTables;
