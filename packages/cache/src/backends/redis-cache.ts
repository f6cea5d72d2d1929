/**
 * {@link RedisCache}: Django 4's `RedisCache` for reins, on node-redis (`redis`, an optional peer
 * dependency loaded on first use only, the client `@reins/sessions`' Redis store uses, so a site
 * installs one). Values go through MessagePack (integers as decimal, so `incr` is Redis' atomic
 * INCRBY); `getMany` is one MGET and `setMany` one pipeline; commands issued in the same tick
 * share one write. Every command has a timeout and nothing waits for a reconnection: with the
 * server down, an operation fails within `commandTimeout` with a {@link CacheBackendUnavailable}
 * that names the cache and the server.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import type * as RedisModuleNamespace from 'redis';
import type { RedisClientOptions } from 'redis';
import { LazyConnection } from '@reins/core';

type RedisModule = typeof RedisModuleNamespace;
import { BaseCache, MISSING, type BaseCacheOptions, type Maybe } from '../base-cache.js';
import { CacheBackendUnavailable, CacheKeyNotFound } from '../errors.js';
import { decodeValue, encodeValue } from '../internal/codec.js';

/** The commands this backend sends, on a client whose strings come back as Buffers. */
interface Client {
  isOpen: boolean;
  isReady: boolean;
  connect(): Promise<unknown>;
  destroy(): void;
  close(): Promise<unknown>;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  get(key: string): Promise<Buffer | null>;
  mGet(keys: readonly string[]): Promise<(Buffer | null)[]>;
  set(
    key: string,
    value: Buffer,
    options?: Record<string, unknown>,
  ): Promise<string | Buffer | null>;
  del(keys: string | string[]): Promise<number>;
  exists(key: string): Promise<number>;
  persist(key: string): Promise<number>;
  pExpire(key: string, ms: number): Promise<number>;
  flushDb(): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  multi(): {
    set(key: string, value: Buffer, options?: Record<string, unknown>): unknown;
    del(keys: string[]): unknown;
    execAsPipeline(): Promise<unknown[]>;
  };
}

/**
 * Options of {@link RedisCache}.
 *
 * @example
 * const options: RedisCacheOptions = { location: 'redis://127.0.0.1:6379/1', commandTimeout: 500 };
 */
export interface RedisCacheOptions extends BaseCacheOptions {
  /** The server's URL (Django's `LOCATION`), e.g. `redis://127.0.0.1:6379/0`. */
  location?: string;
  /** Milliseconds to wait for a connection; default 1000. */
  connectTimeout?: number;
  /** Milliseconds to wait for any command's answer; default 1000. */
  commandTimeout?: number;
  /** More node-redis client options (TLS, password, database…), merged into reins' own. */
  redisOptions?: RedisClientOptions;
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
  readonly #connection: LazyConnection<Client>;

  constructor(options: RedisCacheOptions = {}) {
    super(options);
    this.location = options.location ?? 'redis://127.0.0.1:6379/0';
    this.#options = options;
    this.#connection = new LazyConnection({
      create: () => this.#create(),
      connectTimeout: options.connectTimeout ?? 1000,
    });
  }

  async #create(): Promise<Client> {
    let redis: RedisModule;
    try {
      redis = await import('redis');
    } catch (error) {
      throw new CacheBackendUnavailable(
        `The cache '${this.alias}' uses Redis, but the 'redis' package is not installed. Add it to your project: pnpm add redis.`,
        { cause: error },
      );
    }
    const { commandOptions, ...redisOptions } = this.#options.redisOptions ?? {};
    const client = redis.createClient({
      url: this.location,
      // Fail at once while disconnected instead of queueing: a request must never hang on Redis.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: this.#options.connectTimeout ?? 1000,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000),
      },
      ...redisOptions,
      commandOptions: {
        // rejectInFlight: the timeout also covers a command sent to a server that stopped
        // answering. node-redis keeps one timer per timeout value, not one per command.
        timeout: this.#options.commandTimeout ?? 1000,
        rejectInFlight: true,
        ...commandOptions,
        // Values are bytes whatever the project's options say. Set on the client rather than
        // with withTypeMapping(), whose proxy made every command cost about twice the CPU
        // (measured: 176 against 90 µs per 20 GETs).
        typeMapping: { [redis.RESP_TYPES.BLOB_STRING]: Buffer },
      },
    });
    // Failures reach callers through the commands that meet them; without a listener, the
    // client's 'error' event would end the process.
    client.on('error', () => {});
    return client as unknown as Client;
  }

  /** The node-redis client (values as Buffers), connected on first use. */
  client(): Promise<Client> {
    return this.#connection.client();
  }

  readonly #fail = (error: unknown): never => {
    if (
      CacheBackendUnavailable.isInstance(error) ||
      CacheKeyNotFound.isInstance(error) ||
      error instanceof TypeError ||
      (error instanceof Error && error.constructor.name === 'ErrorReply')
    ) {
      throw error;
    }
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    throw new CacheBackendUnavailable(
      `The cache '${this.alias}' (Redis at ${this.location}) did not answer: ${reason}. Check that the Redis server is running and reachable, or point this cache's location elsewhere.`,
      { cause: error },
    );
  };

  // The connected client is used as it is, with no await in between: a command then costs
  // what node-redis costs plus one promise of ours.
  #send<T, R>(command: (client: Client) => Promise<T>, reply: (value: T) => R): Promise<R> {
    const client = this.#connection.ready;
    try {
      if (client !== undefined) return command(client).then(reply, this.#fail);
    } catch (error) {
      return Promise.reject(error as Error).catch(this.#fail);
    }
    return this.#connection.client().then(command).then(reply, this.#fail);
  }

  #run<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    return this.#send(operation, same);
  }

  #encode(key: string, value: unknown): Buffer {
    return encodeValue(value, this.maxValueBytes, key, this.alias);
  }

  protected rawGet(key: string): Promise<Maybe> {
    return this.#send((client) => client.get(key), maybe);
  }

  protected rawSet(key: string, value: unknown, expiresAt: number | null): Promise<void> {
    const bytes = this.#encode(key, value);
    if (expiresAt === null) return this.#send((client) => client.set(key, bytes), nothing);
    if (expiresAt <= Date.now()) return this.#send((client) => client.del(key), nothing);
    const expiration = { expiration: { type: 'PX', value: milliseconds(expiresAt) } };
    return this.#send((client) => client.set(key, bytes, expiration), nothing);
  }

  protected rawAdd(key: string, value: unknown, expiresAt: number | null): Promise<boolean> {
    const bytes = this.#encode(key, value);
    return this.#run(async (client) => {
      if (expiresAt === null) return isOk(await client.set(key, bytes, { condition: 'NX' }));
      // Django's Redis add with timeout 0: absent keys stay absent, the call reports success.
      if (expiresAt <= Date.now()) return (await client.exists(key)) === 0;
      return isOk(
        await client.set(key, bytes, {
          condition: 'NX',
          expiration: { type: 'PX', value: milliseconds(expiresAt) },
        }),
      );
    });
  }

  protected rawDelete(key: string): Promise<boolean> {
    return this.#run(async (client) => (await client.del(key)) > 0);
  }

  protected rawTouch(key: string, expiresAt: number | null): Promise<boolean> {
    return this.#run(async (client) => {
      if (expiresAt === null) {
        // PERSIST answers 0 both for a missing key and for one already without expiry.
        if ((await client.exists(key)) !== 1) return false;
        await client.persist(key);
        return true;
      }
      if (expiresAt <= Date.now()) return (await client.del(key)) > 0;
      return (await client.pExpire(key, milliseconds(expiresAt))) === 1;
    });
  }

  protected override rawGetMany(keys: readonly string[]): Promise<Maybe[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.#send(
      (client) => client.mGet(keys),
      (values) => values.map(maybe),
    );
  }

  protected override rawSetMany(
    entries: readonly (readonly [string, unknown])[],
    expiresAt: number | null,
  ): Promise<string[]> {
    if (entries.length === 0) return Promise.resolve([]);
    const encoded = entries.map(([key, value]) => [key, this.#encode(key, value)] as const);
    return this.#run(async (client) => {
      const pipeline = client.multi();
      if (expiresAt !== null && expiresAt <= Date.now()) {
        pipeline.del(encoded.map(([key]) => key));
      } else {
        for (const [key, bytes] of encoded) {
          if (expiresAt === null) pipeline.set(key, bytes);
          else
            pipeline.set(key, bytes, {
              expiration: { type: 'PX', value: milliseconds(expiresAt) },
            });
        }
      }
      const results = await pipeline.execAsPipeline();
      const failed: string[] = [];
      results.forEach((result, i) => {
        if (result instanceof Error && encoded[i]) failed.push(encoded[i][0]);
      });
      return failed;
    });
  }

  protected override rawDeleteMany(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return Promise.resolve();
    return this.#run(async (client) => {
      await client.del([...keys]);
    });
  }

  protected override rawIncr(key: string, delta: number, original: string): Promise<number> {
    return this.#run(async (client) => {
      let result: unknown;
      try {
        result = await client.eval(INCR_EXISTING, { keys: [key], arguments: [String(delta)] });
      } catch (error) {
        if (error instanceof Error && /not an integer/.test(error.message)) {
          throw new TypeError(
            `Cannot incr the cache key '${original}': its value is not an integer.`,
            {
              cause: error,
            },
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
      await client.flushDb();
    });
  }

  override close(): Promise<void> {
    return this.#connection.close();
  }
}

function same<T>(value: T): T {
  return value;
}

function nothing(): void {}

function maybe(bytes: Buffer | null): Maybe {
  return bytes === null ? MISSING : decodeValue(bytes);
}

function isOk(reply: string | Buffer | null): boolean {
  return reply !== null && String(reply) === 'OK';
}
