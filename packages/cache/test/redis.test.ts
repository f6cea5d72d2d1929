import { missingServer, startRedis, type TestServer } from '@reins/test-servers';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpRequest, HttpResponse } from '@reins/http';
import { Engine } from '@reins/templates';
import {
  CacheBackendUnavailable,
  cacheLibrary,
  makeTemplateFragmentKey,
  cachePage,
  caches,
  configureCaches,
  RedisCache,
} from '../src/index.js';
import { runCacheContract } from './cache-contract.js';

const missing = missingServer('redis');
if (missing) console.warn(missing);

describe.skipIf(missing)('Redis', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startRedis();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  runCacheContract('Redis', (options) => new RedisCache({ location: server.url, ...options }));

  it('stores integers as Redis integers, so incr is atomic across clients', async () => {
    const one = new RedisCache({ location: server.url });
    const two = new RedisCache({ location: server.url });
    await one.set('hits', 0);
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? one : two).incr('hits')));
    expect(await one.get('hits')).toBe(50);
    const client = createClient({ url: server.url });
    await client.connect();
    expect(await client.get(':1:hits')).toBe('50');
    expect(await client.pTTL(':1:hits')).toBeGreaterThan(0);
    client.destroy();
    await one.close();
    await two.close();
  });

  it('an outage fails each operation quickly with an error naming the cache and the server, then recovers', async () => {
    const cache = new RedisCache({ location: server.url, alias: 'sessions', commandTimeout: 500 });
    await cache.set('key', 'value');
    await server.kill();
    try {
      const started = Date.now();
      const error = await cache.get('key').catch((e: unknown) => e);
      expect(CacheBackendUnavailable.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(
        `The cache 'sessions' (Redis at ${server.url}) did not answer`,
      );
      await expect(cache.set('key', 'value')).rejects.toThrow(CacheBackendUnavailable);
      await expect(cache.getMany(['a', 'b'])).rejects.toThrow(CacheBackendUnavailable);
      // Bounded by the command and connect timeouts, never by Redis coming back.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await server.restart();
    }
    await expect
      .poll(
        () =>
          cache.set('key', 'back').then(
            () => true,
            () => false,
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await cache.get('key')).toBe('back');
    await cache.close();
  }, 30_000);

  it('cachePage computes the page while Redis is down, logs once per outage, and caches again after', async () => {
    const records: string[] = [];
    const logger = { log: (record: { message: string }) => void records.push(record.message) };
    configureCaches({ default: { backend: 'redis', location: server.url, commandTimeout: 500 } });
    let calls = 0;
    const view = cachePage(60, { logger })(
      (_request: HttpRequest) => new HttpResponse(`call ${(calls += 1)}`),
    );
    const get = () =>
      new HttpRequest({
        method: 'GET',
        url: '/outage/',
        headers: { host: 'testserver' },
        options: { allowedHosts: ['*'] },
      });
    await caches.get().clear();
    await view(get());
    expect((await view(get())).text()).toBe('call 1');
    await server.kill();
    try {
      for (let i = 0; i < 3; i += 1) {
        expect((await view(get())).text()).toBe(`call ${i + 2}`);
      }
      expect(records).toHaveLength(1);
      expect(records[0]).toMatch(
        /^The page cache 'default' failed; serving pages uncached until it works again\. The cache 'default' \(Redis at redis:\/\/127\.0\.0\.1:\d+\) did not answer/,
      );
    } finally {
      await server.restart();
    }
    await expect
      .poll(
        () =>
          caches
            .get()
            .set('ping', 1)
            .then(
              () => true,
              () => false,
            ),
        { timeout: 10_000 },
      )
      .toBe(true);
    const before = calls;
    await view(get());
    await view(get());
    expect(calls).toBe(before + 1);
    await server.kill();
    await view(get());
    await server.restart();
    expect(records).toHaveLength(2);
    configureCaches({ default: { backend: 'locmem' } });
  }, 30_000);

  it('{% cache %} on Redis: renderAsync() stores the fragment; a sync render() asks for renderAsync()', async () => {
    configureCaches({ default: { backend: 'redis', location: server.url } });
    try {
      await caches.get().clear();
      const template = new Engine({ libraries: { cache: cacheLibrary } }).fromString(
        '{% load cache %}{% cache 60 sidebar name %}Hi {{ name }}{% endcache %}',
      );
      expect(await template.renderAsync({ name: 'ann' })).toBe('Hi ann');
      expect(await template.renderAsync({ name: 'ann', other: 1 })).toBe('Hi ann');
      expect(await caches.get().get(makeTemplateFragmentKey('sidebar', ['ann']))).toBe('Hi ann');
      let error: unknown;
      try {
        template.render({ name: 'bob' });
      } catch (caught) {
        error = caught;
      }
      // The code TemplateResponse answers by rendering again with renderAsync().
      expect((error as { code?: string }).code).toBe('templates.async_context');
    } finally {
      configureCaches({ default: { backend: 'locmem' } });
    }
  });

  it('opens one connection for many operations started together on a fresh cache', async () => {
    const admin = createClient({ url: server.url });
    await admin.connect();
    const before = (await admin.clientList()).length;
    const cache = new RedisCache({ location: server.url });
    await Promise.all(Array.from({ length: 20 }, (_, i) => cache.get(`fresh:${i}`)));
    expect((await admin.clientList()).length).toBe(before + 1);
    await cache.close();
    admin.destroy();
  });

  it('a server that stops answering fails commands after commandTimeout, and later answers go to the right commands', async () => {
    const cache = new RedisCache({ location: server.url, alias: 'paused', commandTimeout: 300 });
    await cache.setMany({ one: 1, two: 'two' });
    const admin = createClient({ url: server.url });
    await admin.connect();
    // The server holds every other client's commands unanswered for a second.
    await admin.sendCommand(['CLIENT', 'PAUSE', '1000', 'ALL']);
    const results = await Promise.all(
      ['one', 'two'].map((key) => cache.get(key).catch((error: unknown) => error)),
    );
    for (const error of results) {
      expect(CacheBackendUnavailable.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /^The cache 'paused' \(Redis at redis:\/\/127\.0\.0\.1:\d+\/?\d*\) did not answer: .*timed out/i,
      );
    }
    await admin.sendCommand(['CLIENT', 'UNPAUSE']);
    admin.destroy();
    await expect
      .poll(() => cache.get('two').catch(() => 'still failing'), { timeout: 10_000 })
      .toBe('two');
    expect(await cache.get('one')).toBe(1);
    await cache.close();
  });

  it("keeps values as bytes when the project's redisOptions carry their own commandOptions", async () => {
    const cache = new RedisCache({
      location: server.url,
      redisOptions: { commandOptions: { timeout: 2000 } },
    });
    await cache.set('object', { when: new Date(0), tags: new Set(['a']) });
    expect(await cache.get('object')).toEqual({ when: new Date(0), tags: new Set(['a']) });
    await cache.close();
  });

  it('a server that is not there fails the first operation instead of hanging', async () => {
    const cache = new RedisCache({ location: 'redis://127.0.0.1:1/0', connectTimeout: 300 });
    await expect(cache.get('key')).rejects.toThrow(/did not answer/);
    await cache.close();
  });
});

describe.skipIf(missing)('Redis, starting while the server is down', () => {
  it('keeps its client and works once the server is up', async () => {
    const server = await startRedis();
    await server.kill();
    const cache = new RedisCache({ location: server.url, connectTimeout: 300 });
    try {
      await expect(cache.get('key')).rejects.toThrow(CacheBackendUnavailable);
      await server.restart();
      await expect
        .poll(
          () =>
            cache.set('key', 1).then(
              () => true,
              () => false,
            ),
          { timeout: 10_000 },
        )
        .toBe(true);
      expect(await cache.get('key')).toBe(1);
    } finally {
      await cache.close();
      await server.stop();
    }
  }, 30_000);
});
