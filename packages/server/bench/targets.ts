/**
 * The servers the benchmark compares, each serving the same small HTML page at `/hello/` on
 * 127.0.0.1 with an OS-chosen port: raw `node:http`, Fastify, Hono (@hono/node-server), Express,
 * and reins without and with Security + Common + XFrameOptions middleware, and without the
 * page served by an `async` view (`reins-async`: the AsyncLocalStorage request context is on while
 * such a view is pending, the cost an app with async views pays), and the page behind
 * `cachePage(60)` from @reins/cache (`reins-cached`: every request after the first is a hit in
 * the local-memory cache — URL hash, two cache reads, the response rebuilt). A target starts in its
 * own child process (see index.ts) and prints `READY <port>` once listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BODY =
  '<!doctype html><html lang="en"><head><title>Hello</title></head><body><h1>Hello, world!</h1><p>A small page.</p></body></html>';
export const HTML = 'text/html; charset=utf-8';

export type TargetName =
  | 'raw'
  | 'fastify'
  | 'hono'
  | 'express'
  | 'reins'
  | 'reins+mw'
  | 'reins-async'
  | 'reins-cached'
  | 'raw-mw-headers'
  | 'raw-cached-headers'
  | 'reins-cached-headers';
/** The targets `pnpm bench` runs by default. */
export const TARGETS: readonly TargetName[] = [
  'raw',
  'fastify',
  'hono',
  'express',
  'reins',
  'reins+mw',
  'reins-async',
  'reins-cached',
];
/**
 * Raw `node:http` writing the very headers reins+mw and reins-cached send (only on request,
 * `BENCH_TARGETS`): what Node itself charges for them — it checks every header name and value
 * with a regular expression and joins them into the head — against what reins adds.
 */
export const DIAGNOSTIC_TARGETS: readonly TargetName[] = [
  'raw-mw-headers',
  'raw-cached-headers',
  'reins-cached-headers',
];

const MW_HEADERS = {
  'content-type': HTML,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function cachedHeaders(): Record<string, string> {
  // As stored on the first request and sent unchanged on every hit (Django's page cache).
  return {
    'content-type': HTML,
    expires: new Date(Date.now() + 60_000).toUTCString(),
    'cache-control': 'max-age=60',
  };
}

/** Start `name` and resolve with its port. */
export async function startTarget(name: TargetName): Promise<number> {
  switch (name) {
    case 'raw':
    case 'raw-mw-headers':
    case 'raw-cached-headers': {
      const length = String(Buffer.byteLength(BODY));
      // The diagnostic targets' head is one object built once (Node only reads it).
      const head =
        name === 'raw'
          ? null
          : {
              ...(name === 'raw-mw-headers' ? MW_HEADERS : cachedHeaders()),
              'content-length': length,
            };
      const server = createServer((request, response) => {
        if (request.url === '/hello/') {
          response.writeHead(200, head ?? { 'content-type': HTML, 'content-length': length });
          response.end(BODY);
        } else {
          response.writeHead(404, { 'content-type': 'text/plain' });
          response.end('Not Found');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return (server.address() as AddressInfo).port;
    }
    case 'fastify': {
      const { default: Fastify } = await import('fastify');
      const app = Fastify({ logger: false });
      app.get('/hello/', (_request, reply) => {
        void reply.type(HTML).send(BODY);
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      return (app.server.address() as AddressInfo).port;
    }
    case 'hono': {
      const { Hono } = await import('hono');
      const { serve } = await import('@hono/node-server');
      const app = new Hono();
      app.get('/hello/', (c) => c.html(BODY));
      return new Promise((resolve) => {
        serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(info.port));
      });
    }
    case 'express': {
      const { default: express } = await import('express');
      const app = express();
      app.get('/hello/', (_request, response) => {
        response.type('html').send(BODY);
      });
      return new Promise((resolve) => {
        const server = app.listen(0, '127.0.0.1', () =>
          resolve((server.address() as AddressInfo).port),
        );
      });
    }
    case 'reins':
    case 'reins+mw':
    case 'reins-async':
    case 'reins-cached':
    case 'reins-cached-headers': {
      // The built package, as an application runs it (`pnpm bench` builds it first).
      const { createApp, silentLogger } = await import('@reins/server');
      const { HttpResponse } = await import('@reins/http');
      const { path } = await import('@reins/urls');
      const { cachePage } = await import('@reins/cache');
      const sync = (): InstanceType<typeof HttpResponse> =>
        new HttpResponse(BODY, { contentType: HTML });

      const async = (): Promise<InstanceType<typeof HttpResponse>> =>
        Promise.resolve(new HttpResponse(BODY, { contentType: HTML }));
      const fixed = cachedHeaders();
      const withCacheHeaders = (): InstanceType<typeof HttpResponse> =>
        new HttpResponse(BODY, { headers: fixed });
      const other = (): InstanceType<typeof HttpResponse> =>
        new HttpResponse('other', { contentType: HTML });
      const app = createApp({
        rootUrlconf: [
          path('', other, { name: 'home' }),
          path('articles/<int:year>/', other, { name: 'year' }),
          path(
            'hello/',
            name === 'reins-async'
              ? async
              : name === 'reins-cached'
                ? cachePage(60)(sync)
                : name === 'reins-cached-headers'
                  ? withCacheHeaders
                  : sync,
            { name: 'hello' },
          ),
          path('about/', other, { name: 'about' }),
        ],
        allowedHosts: ['127.0.0.1', 'localhost'],
        logger: silentLogger,
        middleware: name === 'reins+mw' ? await threeMiddleware() : [],
      });
      const server = await app.listen({ host: '127.0.0.1', port: 0 });
      return server.address.port;
    }
  }
}

async function threeMiddleware() {
  const { commonMiddleware, securityMiddleware, xFrameOptionsMiddleware } =
    await import('@reins/middleware');
  return [securityMiddleware(), commonMiddleware(), xFrameOptionsMiddleware()];
}
