/**
 * The Redis session store: each session one Redis string under a prefixed key, holding the data
 * as JSON (as Django's cache session backend stores it with a JSON serializer: unsigned, the
 * server's own storage), with a TTL from its expiry (Redis expires it; `clearExpired()` has
 * nothing to do). Through node-redis (`redis`), loaded on first use. Outages throw fast, naming
 * the store.
 *
 * @module
 */
import { ImproperlyConfigured, LazyConnection } from '@reins/core';
import type { AnyRedisClient } from './internal/any-client.js';
import { generateSessionKey } from '../generate-session-key.js';
import type { SessionData, SessionSaveOptions, SessionStore } from '../session-store.js';
import { UpdateError } from '../session-store.js';
import { loadOptional } from './internal/load-optional.js';
import { isPlausibleSessionKey, MAX_CREATE_ATTEMPTS } from './internal/session-key.js';
import { storeError } from './internal/store-error.js';

/**
 * Options of {@link RedisSessionStore}.
 *
 * @example
 * const options: RedisSessionStoreOptions = { url: 'redis://127.0.0.1:6379/0' };
 */
export interface RedisSessionStoreOptions {
  /** `redis://[:password@]host:port/db` (default `redis://127.0.0.1:6379`). */
  url?: string | undefined;
  /** A node-redis client of the project's, connected or not; `close()` leaves it open. */
  client?: AnyRedisClient | undefined;
  /** Prepended to every session key (default `'reins:session:'`). */
  prefix?: string | undefined;
  /** How long to wait to connect and for each command before throwing, ms (default 2000). */
  timeout?: number | undefined;
}

type Client = AnyRedisClient;

// A value that is not a JSON object (written by something else under the prefix) is no session.
function parseSessionData(text: string): SessionData | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as SessionData)
      : null;
  } catch {
    return null;
  }
}

const SETTING = 'sessionStore';
const DEFAULT_URL = 'redis://127.0.0.1:6379';

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    // Not quoted: a URL may carry a password.
    throw new ImproperlyConfigured(
      `The redis session store's url is not a URL; write it as 'redis://host:6379/0'.`,
      { setting: SETTING },
    );
  }
}

/**
 * Sessions in Redis, with TTLs: `SET … PX … NX` to create, `SET … PX … XX` to update (never
 * bringing back a session deleted meanwhile), and connect and command timeouts, so an outage
 * surfaces as a `SessionStoreError` naming the store instead of hanging the request.
 *
 * @example
 * sessionStore: new RedisSessionStore({ url: process.env.REDIS_URL });
 */
export class RedisSessionStore implements SessionStore {
  readonly name: string;
  readonly sync = false;
  readonly #options: RedisSessionStoreOptions;
  readonly #prefix: string;
  readonly #timeout: number;
  readonly #connection: LazyConnection<Client>;

  constructor(options: RedisSessionStoreOptions) {
    if (options.client !== undefined && options.url !== undefined) {
      throw new ImproperlyConfigured(
        'The redis session store takes a url or a client, not both; keep one.',
        { setting: SETTING },
      );
    }
    this.#options = options;
    this.#prefix = options.prefix ?? 'reins:session:';
    this.#timeout = options.timeout ?? 2000;
    const own = options.client;
    this.#connection = new LazyConnection<Client>({
      create: own === undefined ? () => this.#create() : () => own,
      connectTimeout: this.#timeout,
      owned: own === undefined,
    });
    this.name =
      options.client === undefined
        ? `redis session store (${describeUrl(options.url ?? DEFAULT_URL)})`
        : 'redis session store';
  }

  async load(sessionKey: string): Promise<SessionData | null> {
    if (!isPlausibleSessionKey(sessionKey)) return null;
    const text = await this.#run('load', (client) => client.get(this.#prefix + sessionKey));
    if (typeof text !== 'string') return null;
    return parseSessionData(text);
  }

  async save(
    sessionKey: string | null,
    data: SessionData,
    options: SessionSaveOptions,
  ): Promise<string> {
    const text = JSON.stringify(data);
    const ttl = Math.ceil(options.expireDate.getTime() - Date.now());
    if (!options.mustCreate && sessionKey !== null) {
      if (!isPlausibleSessionKey(sessionKey)) throw new UpdateError(this.name, sessionKey);
      const key = this.#prefix + sessionKey;
      // Already expired: Redis refuses a TTL ≤ 0, and the session must not load again anyway.
      const done = await this.#run('save', async (client) =>
        ttl > 0
          ? (await client.set(key, text, { PX: ttl, XX: true })) !== null
          : Number(await client.del(key)) > 0,
      );
      if (!done) throw new UpdateError(this.name, sessionKey);
      return sessionKey;
    }
    let candidate = isPlausibleSessionKey(sessionKey) ? sessionKey : generateSessionKey();
    for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
      const key = this.#prefix + candidate;
      const created = await this.#run('create', async (client) =>
        ttl > 0
          ? (await client.set(key, text, { PX: ttl, NX: true })) !== null
          : Number(await client.exists(key)) === 0,
      );
      if (created) return candidate;
      candidate = generateSessionKey();
    }
    throw storeError(
      this.name,
      'create',
      new Error('every fresh key was taken'),
      `The ${this.name} found ${MAX_CREATE_ATTEMPTS} fresh session keys in a row already taken under the prefix '${this.#prefix}'.`,
    );
  }

  async exists(sessionKey: string): Promise<boolean> {
    if (!isPlausibleSessionKey(sessionKey)) return false;
    const count = await this.#run('look up', (client) => client.exists(this.#prefix + sessionKey));
    return Number(count) > 0;
  }

  async delete(sessionKey: string): Promise<void> {
    if (!isPlausibleSessionKey(sessionKey)) return;
    await this.#run('delete', (client) => client.del(this.#prefix + sessionKey));
  }

  /** Redis expires sessions by their TTL: nothing to clear. */
  clearExpired(): void {}

  close(): Promise<void> {
    return this.#connection.close();
  }

  // The connected client is used as it is, with no await in between (the request's hot path).
  #run<T>(action: string, work: (client: Client) => Promise<T>): Promise<T> {
    const client = this.#connection.ready;
    // work() is a node-redis command, which never throws synchronously.
    const result = client === undefined ? this.#connection.client().then(work) : work(client);
    return result.catch((error: unknown) => {
      if (ImproperlyConfigured.isInstance(error)) throw error;
      throw storeError(this.name, action, error);
    });
  }

  async #create(): Promise<Client> {
    const redis = await loadOptional('redis', this.name, SETTING, () => import('redis'));
    const client = redis.createClient({
      url: this.#options.url ?? DEFAULT_URL,
      disableOfflineQueue: true,
      // rejectInFlight: the timeout also covers a command already sent to a server that stopped
      // answering (a hung or paused Redis), not only one waiting to be sent.
      commandOptions: { timeout: this.#timeout, rejectInFlight: true },
      socket: {
        connectTimeout: this.#timeout,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000),
      },
    }) as unknown as Client;
    // Failures reach the caller through the command that met them; without a listener, the
    // client's 'error' event would end the process.
    client.on('error', () => {});
    return client;
  }
}
