/**
 * {@link RedisCache}: Django 4's `RedisCache` for reins, on `ioredis` (an optional peer
 * dependency, loaded on first use only: a site on the local-memory cache never installs it).
 * Values go through MessagePack (integers as decimal, so `incr` is Redis' atomic INCRBY); `getMany`
 * is one MGET and `setMany` one pipeline. Every command has a timeout and nothing waits for a
 * reconnection: with the server down, an operation fails within `commandTimeout` with a
 * {@link CacheBackendUnavailable} that names the cache and the server.
 *
 * @module
 */
import type { Buffer } from 'node:buffer';
import type { Redis, RedisOptions } from 'ioredis';
import { BaseCache, MISSING, type BaseCacheOptions, type Maybe } from '../base-cache.js';
import { CacheBackendUnavailable, CacheKeyNotFound } from '../errors.js';
import { decodeValue, encodeValue } from '../internal/codec.js';

/**
 * Options of {@link RedisCache}.
 *
 * @example
 * const options: RedisCacheOptions = { location: 'redis://127.0.0.1:6379/1', commandTimeout: 500 };
 */
export interface RedisCacheOptions extends BaseCacheOptions {
  /** The server's URL (Django's `LOCATION`), e.g. `redis://127.0.0.1:6379/0`. */
  location?: string;
  /** An ioredis client to use instead of connecting to `location` (closing the cache leaves it open). */
  client?: Redis;
  /** Milliseconds to wait for a connection; default 1000. */
  connectTimeout?: number;
  /** Milliseconds to wait for any command's answer; default 1000. */
  commandTimeout?: number;
  /** More ioredis options, for TLS, sentinels, passwords… */
  redisOptions?: RedisOptions;
}

// INCRBY creates a missing key; Django's incr must refuse it, atomically.
const INCR_EXISTING = `if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) else return false end`;

function milliseconds(expiresAt: number): number {
  return Math.max(1, Math.ceil(expiresAt - Date.now()));
}

/**
 * The Redis cache (Django's `django.core.cache.backends.redis.RedisCache`).
 *
 * @example
 * configureCaches({ default: { backend: 'redis', location: 'redis://127.0.0.1:6379/0' } });
 */
export class RedisCache extends BaseCache {
  readonly location: string;
  readonly #options: RedisCacheOptions;
  #client: Promise<Redis> | undefined;
  #ownsClient: boolean;

  constructor(options: RedisCacheOptions = {}) {
    super(options);
    this.location = options.location ?? 'redis://127.0.0.1:6379/0';
    this.#options = options;
    this.#ownsClient = options.client === undefined;
    if (options.client) this.#client = Promise.resolve(options.client);
  }

  /** The ioredis client, connected on first use. */
  client(): Promise<Redis> {
    return (this.#client ??= this.#connect());
  }

  async #connect(): Promise<Redis> {
    let Client: typeof Redis;
    try {
      ({ Redis: Client } = await import('ioredis'));
    } catch (error) {
      this.#client = undefined;
      throw new CacheBackendUnavailable(
        `The cache '${this.alias}' uses Redis, but the 'ioredis' package is not installed. Add it to your project: pnpm add ioredis.`,
        { cause: error },
      );
    }
    const client = new Client(this.location, {
      connectTimeout: this.#options.connectTimeout ?? 1000,
      commandTimeout: this.#options.commandTimeout ?? 1000,
      // Fail at once while disconnected instead of queueing: a request must never hang on Redis.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => Math.min(times * 100, 2000),
      lazyConnect: true,
      // Commands issued in the same tick go out as one pipeline: concurrent requests share a write.
      enableAutoPipelining: true,
      ...this.#options.redisOptions,
    });
    // ioredis reports connection errors as events; the failing commands carry them to callers.
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      // Keep the client: it reconnects by itself, and commands fail fast until it does.
      this.#client = Promise.resolve(client);
      this.#fail(error);
    }
    return client;
  }

  #fail(error: unknown): never {
    if (
      CacheBackendUnavailable.isInstance(error) ||
      CacheKeyNotFound.isInstance(error) ||
      error instanceof TypeError ||
      (error instanceof Error && error.name === 'ReplyError')
    ) {
      throw error;
    }
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    throw new CacheBackendUnavailable(
      `The cache '${this.alias}' (Redis at ${this.location}) did not answer: ${reason}. Check that the Redis server is running and reachable, or point this cache's location elsewhere.`,
      { cause: error },
    );
  }

  async #run<T>(operation: (client: Redis) => Promise<T>): Promise<T> {
    try {
      return await operation(await this.client());
    } catch (error) {
      return this.#fail(error);
    }
  }

  #encode(key: string, value: unknown): Buffer {
    return encodeValue(value, this.maxValueBytes, key, this.alias);
  }

  protected rawGet(key: string): Promise<Maybe> {
    return this.#run(async (client) => {
      const bytes = await client.getBuffer(key);
      return bytes === null ? MISSING : decodeValue(bytes);
    });
  }

  protected rawSet(key: string, value: unknown, expiresAt: number | null): Promise<void> {
    const bytes = this.#encode(key, value);
    return this.#run(async (client) => {
      if (expiresAt === null) await client.set(key, bytes);
      else if (expiresAt <= Date.now()) await client.del(key);
      else await client.set(key, bytes, 'PX', milliseconds(expiresAt));
    });
  }

  protected rawAdd(key: string, value: unknown, expiresAt: number | null): Promise<boolean> {
    const bytes = this.#encode(key, value);
    return this.#run(async (client) => {
      if (expiresAt === null) return (await client.set(key, bytes, 'NX')) === 'OK';
      // Django's Redis add with timeout 0: absent keys stay absent, the call reports success.
      if (expiresAt <= Date.now()) return !(await client.exists(key));
      return (await client.set(key, bytes, 'PX', milliseconds(expiresAt), 'NX')) === 'OK';
    });
  }

  protected rawDelete(key: string): Promise<boolean> {
    return this.#run(async (client) => (await client.del(key)) > 0);
  }

  protected rawTouch(key: string, expiresAt: number | null): Promise<boolean> {
    return this.#run(async (client) => {
      if (expiresAt === null) {
        // PERSIST answers 0 both for a missing key and for one already without expiry.
        return (await client.exists(key)) === 1 && (await client.persist(key)) >= 0;
      }
      if (expiresAt <= Date.now()) return (await client.del(key)) > 0;
      return (await client.pexpire(key, milliseconds(expiresAt))) === 1;
    });
  }

  protected override rawGetMany(keys: readonly string[]): Promise<Maybe[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.#run(async (client) => {
      const values = await client.mgetBuffer(...keys);
      return values.map((bytes) => (bytes === null ? MISSING : decodeValue(bytes)));
    });
  }

  protected override rawSetMany(
    entries: readonly (readonly [string, unknown])[],
    expiresAt: number | null,
  ): Promise<string[]> {
    if (entries.length === 0) return Promise.resolve([]);
    const encoded = entries.map(([key, value]) => [key, this.#encode(key, value)] as const);
    return this.#run(async (client) => {
      const pipeline = client.pipeline();
      if (expiresAt !== null && expiresAt <= Date.now()) {
        pipeline.del(...encoded.map(([key]) => key));
      } else {
        for (const [key, bytes] of encoded) {
          if (expiresAt === null) pipeline.set(key, bytes);
          else pipeline.set(key, bytes, 'PX', milliseconds(expiresAt));
        }
      }
      const results = (await pipeline.exec()) ?? [];
      const failed: string[] = [];
      results.forEach(([error], i) => {
        if (error && encoded[i]) failed.push(encoded[i][0]);
      });
      return failed;
    });
  }

  protected override rawDeleteMany(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return Promise.resolve();
    return this.#run(async (client) => {
      await client.del(...keys);
    });
  }

  protected override rawIncr(key: string, delta: number, original: string): Promise<number> {
    return this.#run(async (client) => {
      let result: unknown;
      try {
        result = await client.eval(INCR_EXISTING, 1, key, String(delta));
      } catch (error) {
        if (error instanceof Error && /not an integer/.test(error.message)) {
          throw new TypeError(
            `Cannot incr the cache key '${original}': its value is not an integer.`,
            { cause: error },
          );
        }
        throw error;
      }
      if (result === null) throw new CacheKeyNotFound(`Key '${original}' not found`);
      return Number(result);
    });
  }

  /** Django's Redis `clear()`: FLUSHDB, every key of the configured database. */
  clear(): Promise<void> {
    return this.#run(async (client) => {
      await client.flushdb();
    });
  }

  override async close(): Promise<void> {
    const pending = this.#client;
    if (!pending || !this.#ownsClient) return;
    this.#client = undefined;
    const client = await pending;
    client.disconnect();
  }
}
