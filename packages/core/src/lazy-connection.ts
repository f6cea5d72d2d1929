/**
 * {@link LazyConnection}: a server's client (node-redis' shape) made and connected on first use,
 * the sequence every reins backend on Redis needs — written once here, as a contract over the
 * client's shape only, so `@reins/core` gains no dependency.
 *
 * @module
 */
import { withTimeout } from './with-timeout.js';

/**
 * What {@link LazyConnection} needs of a client: node-redis' `isOpen`, `isReady`, `connect()`,
 * `destroy()` and, to close without dropping answers on their way, `close()`.
 *
 * @example
 * const client: ConnectableClient = createClient({ url: 'redis://127.0.0.1:6379' });
 */
export interface ConnectableClient {
  /** The socket is open or being reopened (node-redis reconnects by itself). */
  readonly isOpen: boolean;
  /** Commands can be sent now. */
  readonly isReady: boolean;
  connect(): PromiseLike<unknown>;
  /** Closes at once, failing what is still waiting. */
  destroy(): void;
  /** Closes once the commands already sent have their answers. */
  close?(): PromiseLike<unknown>;
}

/**
 * Options of {@link LazyConnection}.
 *
 * @example
 * const options: LazyConnectionOptions<RedisClient> = { create: () => createClient(), connectTimeout: 1000 };
 */
export interface LazyConnectionOptions<C extends ConnectableClient> {
  /**
   * Makes the client (loading its driver, say). Called on first use, and again after a first
   * connection that failed, so that a wrong address is retried from scratch.
   */
  create(): C | PromiseLike<C>;
  /** Milliseconds to wait for the first connection before the caller's operation fails. */
  connectTimeout: number;
  /**
   * `false` for a client the project passed in: it is never destroyed nor replaced, and
   * {@link LazyConnection.close} leaves it open. Default `true`.
   */
  owned?: boolean;
}

/**
 * A client made and connected on first use, shared by every operation after. Only the first
 * connection is waited for, up to `connectTimeout`; afterwards the client reconnects by itself
 * (a client without an offline queue then refuses commands at once), so no request ever waits
 * on a server that is gone. A first connection that fails drops the client, so the next
 * operation starts over. Concurrent first uses share one client.
 *
 * @example
 * const connection = new LazyConnection({ create: () => createClient({ url }), connectTimeout: 1000 });
 * const client = connection.ready ?? (await connection.client());
 */
export class LazyConnection<C extends ConnectableClient> {
  readonly #options: LazyConnectionOptions<C>;
  readonly #connectTimeout: number;
  readonly #owned: boolean;
  #client: C | undefined;
  #creating: Promise<C> | undefined;
  #connecting: Promise<unknown> | undefined;
  // Bumped by close(): a client still being made for an earlier use is not kept.
  #epoch = 0;

  constructor(options: LazyConnectionOptions<C>) {
    this.#options = options;
    this.#connectTimeout = options.connectTimeout;
    this.#owned = options.owned ?? true;
  }

  /**
   * The client when it can take commands now, else `undefined` — the hot path: no promise, no
   * await, so a command costs what the driver costs.
   *
   * @example
   * const client = connection.ready ?? (await connection.client());
   */
  get ready(): C | undefined {
    const client = this.#client;
    return client !== undefined && client.isReady ? client : undefined;
  }

  /**
   * The client, made and connected on first use; rejects when the first connection takes longer
   * than `connectTimeout` or fails. While the client reconnects by itself, it is returned at once.
   *
   * @example
   * const client = await connection.client();
   */
  async client(): Promise<C> {
    const client = this.#client ?? (await this.#make());
    if (client.isReady) return client;
    if (!client.isOpen && this.#connecting === undefined) this.#connect(client);
    const connecting = this.#connecting;
    if (connecting === undefined) return client;
    const limit = this.#connectTimeout;
    await withTimeout(connecting, limit, () => new Error(`no connection within ${limit} ms`));
    return client;
  }

  /**
   * Forget the client. One made here is closed once its pending answers arrive (bounded by
   * `connectTimeout`, then destroyed); a project's own client is left open.
   *
   * @example
   * await connection.close();
   */
  async close(): Promise<void> {
    const client = this.#client;
    this.#epoch += 1;
    this.#client = undefined;
    this.#creating = undefined;
    this.#connecting = undefined;
    if (client === undefined || !this.#owned) return;
    if (client.isReady && client.close !== undefined) {
      const closing = client.close();
      try {
        await withTimeout(closing, this.#connectTimeout, () => new Error('close timed out'));
        return;
      } catch {
        // A server that stopped answering: drop what is still waiting.
      }
    }
    if (client.isOpen) client.destroy();
  }

  #make(): Promise<C> {
    if (this.#creating !== undefined) return this.#creating;
    const epoch = this.#epoch;
    const creating = Promise.resolve()
      .then(() => this.#options.create())
      .then(
        (client) => {
          if (this.#creating === creating) this.#creating = undefined;
          if (epoch !== this.#epoch) throw new Error('the connection was closed meanwhile');
          this.#client = client;
          return client;
        },
        (error: unknown) => {
          if (this.#creating === creating) this.#creating = undefined;
          throw error;
        },
      );
    this.#creating = creating;
    return creating;
  }

  #connect(client: C): void {
    // connect() is called now, not in a later tick: node-redis marks itself open synchronously,
    // so a concurrent first use sees the connection under way. A synchronous throw rejects.
    const started = new Promise((resolve) => {
      resolve(client.connect());
    });
    const connecting = started.catch((error: unknown) => {
      // Given up: the next operation starts with a new client. A project's own is kept.
      if (this.#owned && this.#client === client) {
        this.#client = undefined;
        if (client.isOpen) client.destroy();
      }
      throw error;
    });
    this.#connecting = connecting;
    const settle = (): void => {
      if (this.#connecting === connecting) this.#connecting = undefined;
    };
    connecting.then(settle, settle);
  }
}
