import { readdirSync, readFileSync } from 'node:fs';
import type { TestServer } from '@reins/test-servers';
import { missingServer, startRedis } from '@reins/test-servers';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisSessionStore } from '../../src/stores/redis-session-store.js';
import { SessionStoreError } from '../../src/session-errors.js';
import { runStoreContract } from '../store-contract.js';

const missing = missingServer('redis');
if (missing !== undefined) console.warn(`Redis session store tests skipped: ${missing}`);

const DAY = 86_400;

// The redis-server serving `port`: it names itself 'redis-server 127.0.0.1:PORT' in its cmdline.
function redisPid(port: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes('redis-server') && cmdline.includes(`:${port}`)) return Number(entry);
  }
  throw new Error(`No redis-server process for port ${port} in /proc.`);
}
const future = (seconds = DAY) => ({
  expireDate: new Date(Date.now() + seconds * 1000),
  expiryAge: seconds,
});

describe.skipIf(missing !== undefined)('redis session store on a real Redis', () => {
  let server: TestServer;
  let stores = 0;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  // A prefix of its own per store: each test starts with no sessions.
  runStoreContract(
    'redis session store',
    () => new RedisSessionStore({ url: server.url, prefix: `t${stores++}:` }),
  );

  it('keeps each session under its prefix with a TTL from the expiry date', async () => {
    const store = new RedisSessionStore({ url: server.url, prefix: 'ttl:' });
    const key = await store.save(null, { n: 1 }, { ...future(100), mustCreate: true });
    const client = createClient({ url: server.url });
    await client.connect();
    const ttl = await client.pTTL(`ttl:${key}`);
    expect(ttl).toBeGreaterThan(90_000);
    expect(ttl).toBeLessThanOrEqual(100_000);
    // The value is the data as JSON, as Django's cache backend keeps it with a JSON serializer.
    expect(await client.get(`ttl:${key}`)).toBe('{"n":1}');
    await client.close();
    await store.close();
  });

  it('loads null for a value under its prefix that is no JSON object', async () => {
    const store = new RedisSessionStore({ url: server.url, prefix: 'odd:' });
    const client = createClient({ url: server.url });
    await client.connect();
    const keys = ['notjson0', 'anarray0', 'astring0'];
    await client.set('odd:notjson0', '{"half":');
    await client.set('odd:anarray0', '[1,2]');
    await client.set('odd:astring0', '"text"');
    for (const key of keys) expect(await store.load(key)).toBeNull();
    await client.close();
    await store.close();
  });

  it('throws an error naming the store while Redis is down, then works again after a restart', async () => {
    const store = new RedisSessionStore({ url: server.url, prefix: 'outage:' });
    const key = await store.save(null, { n: 1 }, { ...future(), mustCreate: true });
    await server.kill();
    for (const attempt of [
      () => store.load(key),
      () => store.save(key, { n: 2 }, { ...future(), mustCreate: false }),
      () => store.save(null, { n: 2 }, { ...future(), mustCreate: true }),
      () => store.exists(key),
      () => store.delete(key),
    ]) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(SessionStoreError.isInstance(error)).toBe(true);
      expect((error as SessionStoreError).store).toBe(
        `redis session store (127.0.0.1:${server.port})`,
      );
      expect((error as Error).message).toMatch(
        /^The redis session store \(127\.0\.0\.1:\d+\) failed to (load|save|create|look up|delete) a session: /,
      );
    }
    await server.restart();
    // The client reconnects by itself; the data went with the killed server (no persistence).
    let loaded: unknown = 'never reconnected';
    for (let tries = 0; tries < 100; tries++) {
      try {
        loaded = await store.load(key);
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(loaded).toBeNull();
    const again = await store.save(null, { back: true }, { ...future(), mustCreate: true });
    expect(await store.load(again)).toEqual({ back: true });
    await store.close();
  });

  it('times out, naming the store, when Redis stops answering, and reads right once it answers again', async () => {
    // Room for a loaded CI machine: only the paused server may make a command time out.
    const store = new RedisSessionStore({ url: server.url, prefix: 'hung:', timeout: 1000 });
    const first = await store.save(null, { n: 1 }, { ...future(), mustCreate: true });
    const second = await store.save(null, { n: 2 }, { ...future(), mustCreate: true });
    const pid = redisPid(server.port);
    process.kill(pid, 'SIGSTOP');
    let errors: unknown[];
    try {
      errors = await Promise.all(
        [first, second].map((key) =>
          store.load(key).then(
            () => undefined,
            (e: unknown) => e,
          ),
        ),
      );
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    for (const error of errors) {
      expect(SessionStoreError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /^The redis session store \(127\.0\.0\.1:\d+\) failed to load a session: .*timed out/,
      );
    }
    // The late replies to the timed-out commands are dropped, not given to the next ones.
    const settled = async (key: string): Promise<unknown> => {
      for (let tries = 0; ; tries++) {
        try {
          return await store.load(key);
        } catch (error) {
          if (tries === 20) throw error;
        }
      }
    };
    expect(await settled(second)).toEqual({ n: 2 });
    expect(await settled(first)).toEqual({ n: 1 });
    await store.close();
  });

  it('opens one connection for requests that arrive together before the first connection', async () => {
    const admin = createClient({ url: server.url });
    await admin.connect();
    const before = (await admin.clientList()).length;
    const store = new RedisSessionStore({ url: server.url, prefix: 'together:' });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.load(`together${String(i).padStart(24, '0')}`)),
    );
    expect((await admin.clientList()).length).toBe(before + 1);
    await store.close();
    await admin.close();
  });

  it('throws an error naming the store when nothing listens at its URL', async () => {
    const { freePort } = await import('@reins/test-servers');
    const port = await freePort();
    const store = new RedisSessionStore({ url: `redis://127.0.0.1:${port}`, timeout: 300 });
    const error = await store.load('abcdefghijklmnopqrstuvwxyz012345').catch((e: unknown) => e);
    expect(SessionStoreError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(
      `The redis session store (127.0.0.1:${port}) failed to load a session`,
    );
    await store.close();
  });

  it("uses the project's own client and leaves it open", async () => {
    const client = createClient({ url: server.url });
    const store = new RedisSessionStore({ client, prefix: 'own:' });
    const key = await store.save(null, { own: true }, { ...future(), mustCreate: true });
    await store.close();
    expect(client.isReady).toBe(true);
    expect(await client.exists(`own:${key}`)).toBe(1);
    await client.close();
  });
});

describe('redis session store configuration', () => {
  it('refuses a url that is no URL, without echoing it (it may hold a password)', () => {
    expect(() => new RedisSessionStore({ url: 'hunter2@nowhere' })).toThrow(
      "The redis session store's url is not a URL; write it as 'redis://host:6379/0'.",
    );
  });

  it('never shows the password of its URL in its name', () => {
    const store = new RedisSessionStore({ url: 'redis://:hunter2@cache.example:6380/2' });
    expect(store.name).toBe('redis session store (cache.example:6380/2)');
  });
});
