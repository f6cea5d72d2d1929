import { describe, expect, it } from 'vitest';
import { LazyConnection, type ConnectableClient } from './lazy-connection.js';

/**
 * A client with node-redis' connection states, driven by the test: `connect()` settles when the
 * test says so. (The real node-redis client runs through this helper in the Redis tests of
 * @reins/cache and @reins/sessions, on real servers.)
 */
class FakeClient implements ConnectableClient {
  isOpen = false;
  isReady = false;
  connects = 0;
  destroyed = 0;
  closed = 0;
  #settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  closeHangs = false;

  connect(): Promise<unknown> {
    this.connects += 1;
    this.isOpen = true;
    return new Promise<void>((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
  }

  succeed(): void {
    this.isReady = true;
    this.#settle?.resolve();
  }

  fail(message = 'connect ECONNREFUSED'): void {
    this.#settle?.reject(new Error(message));
  }

  destroy(): void {
    this.destroyed += 1;
    this.isOpen = this.isReady = false;
  }

  close(): Promise<unknown> {
    this.closed += 1;
    if (this.closeHangs) return new Promise(() => {});
    this.isOpen = this.isReady = false;
    return Promise.resolve();
  }
}

function connection(options: { connectTimeout?: number; owned?: boolean; client?: FakeClient }) {
  const made: FakeClient[] = [];
  const lazy = new LazyConnection({
    create: () => {
      const client = options.client ?? new FakeClient();
      made.push(client);
      return client;
    },
    connectTimeout: options.connectTimeout ?? 1000,
    ...(options.owned === undefined ? {} : { owned: options.owned }),
  });
  return { lazy, made };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LazyConnection', () => {
  it('makes and connects one client for concurrent first uses, then hands it out without waiting', async () => {
    const { lazy, made } = connection({});
    expect(lazy.ready).toBeUndefined();
    const first = lazy.client();
    const second = lazy.client();
    await tick();
    expect(made).toHaveLength(1);
    expect(made[0]!.connects).toBe(1);
    made[0]!.succeed();
    expect(await first).toBe(made[0]);
    expect(await second).toBe(made[0]);
    expect(lazy.ready).toBe(made[0]);
  });

  it('drops a client whose first connection failed, and starts over on the next use', async () => {
    const { lazy, made } = connection({});
    const first = lazy.client();
    await tick();
    made[0]!.fail();
    await expect(first).rejects.toThrow('connect ECONNREFUSED');
    expect(made[0]!.destroyed).toBe(1);
    const second = lazy.client();
    await tick();
    expect(made).toHaveLength(2);
    made[1]!.succeed();
    expect(await second).toBe(made[1]);
  });

  it('gives up waiting after connectTimeout, and keeps the client that is still connecting', async () => {
    const { lazy, made } = connection({ connectTimeout: 20 });
    await expect(lazy.client()).rejects.toThrow('no connection within 20 ms');
    made[0]!.succeed();
    expect(await lazy.client()).toBe(made[0]);
    expect(made).toHaveLength(1);
    expect(made[0]!.connects).toBe(1);
  });

  it('returns a reconnecting client at once (it refuses commands itself) instead of waiting', async () => {
    const { lazy, made } = connection({});
    const first = lazy.client();
    await tick();
    made[0]!.succeed();
    await first;
    made[0]!.isReady = false; // the server went away; the client is reconnecting by itself
    expect(lazy.ready).toBeUndefined();
    expect(await lazy.client()).toBe(made[0]);
    expect(made[0]!.connects).toBe(1);
  });

  it("never destroys nor replaces the project's own client, and close() leaves it open", async () => {
    const own = new FakeClient();
    const { lazy, made } = connection({ owned: false, client: own });
    const first = lazy.client();
    await tick();
    own.fail();
    await expect(first).rejects.toThrow('connect ECONNREFUSED');
    expect(own.destroyed).toBe(0);
    own.isOpen = false;
    const second = lazy.client();
    await tick();
    own.succeed();
    expect(await second).toBe(own);
    expect(made).toHaveLength(1);
    await lazy.close();
    expect(own.closed + own.destroyed).toBe(0);
    expect(own.isReady).toBe(true);
  });

  it('closes its own client gracefully, and destroys it when closing takes longer than connectTimeout', async () => {
    const { lazy, made } = connection({ connectTimeout: 20 });
    const first = lazy.client();
    await tick();
    made[0]!.succeed();
    await first;
    await lazy.close();
    expect(made[0]!.closed).toBe(1);
    expect(made[0]!.destroyed).toBe(0);
    expect(lazy.ready).toBeUndefined();

    const again = lazy.client();
    await tick();
    made[1]!.succeed();
    await again;
    made[1]!.closeHangs = true;
    await lazy.close();
    expect(made[1]!.destroyed).toBe(1);
  });

  it('does not keep a client that was still being made when close() ran', async () => {
    let release!: () => void;
    const made: FakeClient[] = [];
    const lazy = new LazyConnection({
      create: async () => {
        await new Promise<void>((resolve) => (release = resolve));
        const client = new FakeClient();
        made.push(client);
        return client;
      },
      connectTimeout: 1000,
    });
    const pending = lazy.client();
    await tick();
    await lazy.close();
    release();
    await expect(pending).rejects.toThrow('the connection was closed meanwhile');
    expect(made[0]!.connects).toBe(0);
    expect(lazy.ready).toBeUndefined();
  });

  it('passes on an error from making the client, and tries again on the next use', async () => {
    let calls = 0;
    const lazy = new LazyConnection<FakeClient>({
      create: () => {
        calls += 1;
        if (calls === 1) throw new Error("the 'redis' package is not installed");
        const client = new FakeClient();
        client.isOpen = client.isReady = true;
        return client;
      },
      connectTimeout: 1000,
    });
    await expect(lazy.client()).rejects.toThrow("the 'redis' package is not installed");
    await expect(lazy.client()).resolves.toBeInstanceOf(FakeClient);
  });
});
