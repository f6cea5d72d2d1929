/**
 * Backs the README's examples: each one is served on 127.0.0.1 (port 0) and called over a real
 * socket with undici; the README must contain each example file verbatim.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { app as expressApp } from './examples/express.js';
import { app as fastifyApp } from './examples/fastify.js';
import { app as honoApp } from './examples/hono.js';
import { server as nodeServer } from './examples/node-http.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function get(base: string, path: string): Promise<[number, string]> {
  const response = await request(base + path);
  return [response.statusCode, await response.body.text()];
}

async function checkServes(base: string, malformed = 404): Promise<void> {
  expect(await get(base, '/')).toEqual([200, 'Home']);
  expect(await get(base, '/articles/')).toEqual([200, 'All articles']);
  expect(await get(base, '/articles/2024/')).toEqual([200, 'Articles from 2024']);
  expect(await get(base, '/articles/2024/hello-world/')).toEqual([200, 'hello-world (2024)']);
  expect((await get(base, '/articles/nope/'))[0]).toBe(404);
  expect((await get(base, '/articles/2024'))[0]).toBe(404);
  // decodePath(): Django's rules, so `%2F` is a `/` and a malformed escape is resolved as written
  // (a 404 here) rather than a URIError answered with 500.
  expect(await get(base, '/articles%2F')).toEqual([200, 'All articles']);
  expect((await get(base, '/%ZZ/'))[0]).toBe(malformed);
  expect((await get(base, '/articles/%E0%A4%A/'))[0]).toBe(malformed);
  expect((await get(base, '/articles/%FF/'))[0]).toBe(malformed);
}

const servers: Array<{ close: () => unknown }> = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('README examples', () => {
  it('node:http', async () => {
    servers.push(nodeServer);
    const base = await listen(nodeServer);
    await checkServes(base);
    // Was 400 from decodeURIComponent's URIError; Django resolves the path as written (a 404).
    expect((await get(base, '/%E0%A4%A/'))[0]).toBe(404);
  });

  it('Express', async () => {
    const server = expressApp.listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await checkServes(base);
    expect(JSON.parse((await get(base, '/links'))[1])).toEqual({ post: '/articles/2024/hello/' });
  });

  it('Fastify', async () => {
    servers.push(fastifyApp);
    const base = await fastifyApp.listen({ port: 0, host: '127.0.0.1' });
    // Fastify's router answers 400 (FST_ERR_BAD_URL) to a malformed escape or invalid UTF-8
    // before any handler runs.
    await checkServes(base, 400);
  });

  it('Hono (@hono/node-server)', async () => {
    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: honoApp.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(s as Server),
      );
    });
    servers.push(server);
    await checkServes(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  it('the README shows every example verbatim', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of ['urls.ts', 'node-http.ts', 'express.ts', 'fastify.ts', 'hono.ts']) {
      const source = readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8').trim();
      expect(readme, name).toContain(source);
    }
  });
});
