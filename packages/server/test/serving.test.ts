/**
 * Serving for real, over sockets on 127.0.0.1 with undici as the client: concurrency (a slow async
 * view never blocks others), crash survival (throwing and rejecting views, floating rejections),
 * graceful shutdown (in-flight requests finish, new ones are refused, a bound cuts stragglers),
 * Host validation up front, and APPEND_SLASH through the composed handler.
 */
import { HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { commonMiddleware, securityMiddleware, xFrameOptionsMiddleware } from '@reins/middleware';
import { path } from '@reins/urls';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import type { ReinsServer } from '../src/index.js';
import { recordingLogger } from './helpers.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const servers: ReinsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close(100)));
});

async function start(
  app: ReturnType<typeof createApp>,
  options: Parameters<ReturnType<typeof createApp>['listen']>[0] = {},
) {
  const server = await app.listen({ host: '127.0.0.1', port: 0, ...options });
  servers.push(server);
  return server;
}

async function get(
  server: ReinsServer,
  target: string,
  headers: Record<string, string> = {},
  dispatcher?: Agent,
) {
  const response = await request(new URL(target, server.url), {
    headers,
    ...(dispatcher ? { dispatcher } : {}),
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: await response.body.text(),
  };
}

describe('concurrency', () => {
  it('serves other requests while a slow async view waits', async () => {
    const gate = deferred();
    const started = deferred();
    const app = createApp({
      rootUrlconf: [
        path('slow/', async () => {
          started.resolve();
          await gate.promise;
          return new HttpResponse('slow done');
        }),
        path('fast/', () => new HttpResponse('fast')),
      ],
      allowedHosts: ['127.0.0.1'],
      logger: recordingLogger(),
    });
    const server = await start(app);
    const slow = get(server, '/slow/');
    await started.promise;
    const fast = await Promise.all(Array.from({ length: 20 }, () => get(server, '/fast/')));
    expect(fast.every((response) => response.status === 200 && response.body === 'fast')).toBe(
      true,
    );
    expect(server.inFlight).toBe(1);
    gate.resolve();
    expect(await slow).toMatchObject({ status: 200, body: 'slow done' });
  });

  it('keeps each request’s context apart when many async views interleave', async () => {
    const { getCurrentRequest } = await import('@reins/http');
    const app = createApp({
      rootUrlconf: [
        path('echo/<int:n>/', async (request, params: { n: number }) => {
          await new Promise((resolve) => setTimeout(resolve, (params.n * 7) % 13));
          const current = getCurrentRequest();
          return new HttpResponse(`${params.n}:${current === request ? 'same' : 'other'}`);
        }),
      ],
      allowedHosts: ['127.0.0.1'],
      logger: recordingLogger(),
    });
    const server = await start(app);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, n) => get(server, `/echo/${n}/`)),
    );
    expect(answers.map((answer) => answer.body)).toEqual(
      Array.from({ length: 40 }, (_, n) => `${n}:same`),
    );
  });
});

// A floating promise rejection (the other way a process dies) is tested on a real server process
// in cli.test.ts, where no test runner's own handler can hide the outcome.
describe('crash survival', () => {
  it('answers 500 for throwing and rejecting views and keeps serving', async () => {
    const logger = recordingLogger();
    const app = createApp({
      rootUrlconf: [
        path('throw/', () => {
          throw new Error('sync boom');
        }),
        path('reject/', () => Promise.reject(new Error('async boom'))),
        path('ok/', () => new HttpResponse('ok')),
      ],
      allowedHosts: ['127.0.0.1'],
      logger,
    });
    const server = await start(app);
    for (let round = 0; round < 3; round++) {
      expect((await get(server, '/throw/')).status).toBe(500);
      expect((await get(server, '/reject/')).status).toBe(500);
      expect(await get(server, '/ok/')).toMatchObject({ status: 200, body: 'ok' });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const messages = logger.records.map((record) => record.message);
    expect(messages.filter((message) => message === 'Internal Server Error: /throw/')).toHaveLength(
      3,
    );
    expect(
      messages.filter((message) => message === 'Internal Server Error: /reject/'),
    ).toHaveLength(3);
  });
});

describe('graceful shutdown', () => {
  it('lets in-flight requests finish, refuses new connections, then resolves', async () => {
    const gate = deferred();
    const started = deferred();
    const app = createApp({
      rootUrlconf: [
        path('slow/', async () => {
          started.resolve();
          await gate.promise;
          return new HttpResponse('finished');
        }),
      ],
      allowedHosts: ['127.0.0.1'],
      logger: recordingLogger(),
    });
    const server = await app.listen({ host: '127.0.0.1', port: 0 });
    const agent = new Agent();
    const slow = get(server, '/slow/', {}, agent);
    await started.promise;
    const closing = server.close(5_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(get(server, '/slow/', {}, new Agent())).rejects.toThrow();
    gate.resolve();
    expect(await slow).toMatchObject({ status: 200, body: 'finished' });
    expect(await closing).toBe(0);
    expect(server.server.listening).toBe(false);
    await agent.close();
  });

  it('cuts requests still running when the bound expires', async () => {
    const started = deferred();
    const app = createApp({
      rootUrlconf: [
        path('forever/', async () => {
          started.resolve();
          await new Promise(() => {});
          return new HttpResponse('never');
        }),
      ],
      allowedHosts: ['127.0.0.1'],
      logger: recordingLogger(),
    });
    const server = await app.listen({ host: '127.0.0.1', port: 0 });
    const stuck = get(server, '/forever/').catch((error: unknown) => error);
    await started.promise;
    expect(await server.close(100)).toBe(1);
    expect(await stuck).toBeInstanceOf(Error);
  });

  it('closes idle keep-alive connections at once', async () => {
    const app = createApp({
      rootUrlconf: [path('', () => new HttpResponse('x'))],
      allowedHosts: ['127.0.0.1'],
      logger: recordingLogger(),
    });
    const server = await app.listen({ host: '127.0.0.1', port: 0 });
    const agent = new Agent({ keepAliveTimeout: 60_000 });
    expect((await get(server, '/', {}, agent)).status).toBe(200);
    const startedAt = Date.now();
    expect(await server.close(10_000)).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    await agent.close();
  });
});

describe('timeouts', () => {
  it('sets headers, request and keep-alive timeouts', async () => {
    const app = createApp({
      rootUrlconf: [],
      allowedHosts: ['127.0.0.1'],
      logger: recordingLogger(),
    });
    const server = await start(app, {
      headersTimeout: 1_000,
      requestTimeout: 2_000,
      keepAliveTimeout: 3_000,
    });
    expect(server.server.headersTimeout).toBe(1_000);
    expect(server.server.requestTimeout).toBe(2_000);
    expect(server.server.keepAliveTimeout).toBe(3_000);
    const defaults = await start(app);
    expect(defaults.server.headersTimeout).toBe(20_000);
    expect(defaults.server.requestTimeout).toBe(60_000);
    expect(defaults.server.keepAliveTimeout).toBe(5_000);
  });
});

describe('Host validation up front', () => {
  it('answers a bad Host with 400 before any middleware, logged as a security event', async () => {
    const logger = recordingLogger();
    let middlewareRan = false;
    const app = createApp({
      rootUrlconf: [path('', () => new HttpResponse('home'))],
      allowedHosts: ['example.com'],
      logger,
      middleware: [
        (getResponse) => (request) => {
          middlewareRan = true;
          return getResponse(request);
        },
      ],
    });
    const server = await start(app);
    const response = await get(server, '/', { host: 'evil.test' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('Bad Request (400)');
    expect(middlewareRan).toBe(false);
    expect(logger.records[0]).toMatchObject({
      logger: 'reins.security.DisallowedHost',
      level: 'error',
    });
    expect(logger.records[0]!.message).toContain("Invalid HTTP_HOST header: 'evil.test'");
    expect((await get(server, '/', { host: 'example.com' })).status).toBe(200);
  });

  it('allows localhost, 127.0.0.1 and [::1] in debug with empty allowedHosts', async () => {
    const app = createApp({
      rootUrlconf: [path('', () => new HttpResponse('home'))],
      debug: true,
      logger: recordingLogger(),
    });
    const server = await start(app);
    for (const host of ['localhost', '127.0.0.1', '[::1]', 'localhost:8000']) {
      expect((await get(server, '/', { host })).status).toBe(200);
    }
    expect((await get(server, '/', { host: 'example.com' })).status).toBe(400);
  });
});

describe('Host validation up front on a Fetch runtime', () => {
  // Bun builds a server request's `headers` from the socket when first asked; its URL carries the
  // Host header already (lower-cased, default port dropped), and that is what the gate reads.
  function counted(url: string, headers: Record<string, string> = {}) {
    const fetchRequest = new Request(url, { headers });
    const kept = fetchRequest.headers;
    const reads = { count: 0 };
    Object.defineProperty(fetchRequest, 'headers', {
      get: () => {
        reads.count++;
        return kept;
      },
    });
    return { fetchRequest, reads };
  }

  it('answers from the URL host without reading headers, and 400s a host outside allowedHosts', async () => {
    let middlewareRuns = 0;
    const app = createApp({
      rootUrlconf: [path('', () => new HttpResponse('home'))],
      allowedHosts: ['example.com'],
      logger: recordingLogger(),
      middleware: [
        (getResponse) => (request) => {
          middlewareRuns++;
          return getResponse(request);
        },
      ],
    });
    const allowed = counted('http://example.com/', { host: 'EXAMPLE.com:80' });
    const response = await app.fetch(allowed.fetchRequest);
    expect([response.status, await response.text()]).toEqual([200, 'home']);
    expect(allowed.reads.count).toBe(0);

    const outside = counted('http://evil.test/');
    const refused = await app.fetch(outside.fetchRequest);
    expect(refused.status).toBe(400);
    expect(middlewareRuns).toBe(1);
  });

  it('still validates the Host header as sent when something asks for the host', async () => {
    const app = createApp({
      rootUrlconf: [path('', (request: HttpRequest) => new HttpResponse(request.getHost()))],
      allowedHosts: ['example.com'],
      logger: recordingLogger(),
    });
    const sent = await app.fetch(
      new Request('http://example.com/', { headers: { host: 'Example.com:8000' } }),
    );
    expect([sent.status, await sent.text()]).toEqual([200, 'Example.com:8000']);
    // A header the URL does not reflect (a hand-built Request) is still checked by getHost().
    const mismatched = await app.fetch(
      new Request('http://example.com/', { headers: { host: 'evil.test' } }),
    );
    expect(mismatched.status).toBe(400);
  });
});

describe('built-in middleware composed through the app', () => {
  function app(options: { debug?: boolean; appendSlash?: boolean } = {}) {
    return createApp({
      rootUrlconf: [
        path('hello/', () => new HttpResponse('hello')),
        path('form/', () => new HttpResponse('form')),
      ],
      allowedHosts: ['127.0.0.1'],
      logger: recordingLogger(),
      ...options,
      middleware: [securityMiddleware(), commonMiddleware(), xFrameOptionsMiddleware()],
    });
  }

  it('redirects /hello to /hello/ (APPEND_SLASH), keeping the query string', async () => {
    const server = await start(app());
    const response = await get(server, '/hello?a=b+c');
    expect(response.status).toBe(301);
    expect(response.headers['location']).toBe('/hello/?a=b+c');
    expect((await get(server, '/hello/')).body).toBe('hello');
  });

  it('does not redirect when appendSlash is off, or when the slashed path does not resolve', async () => {
    const server = await start(app({ appendSlash: false }));
    expect((await get(server, '/hello')).status).toBe(404);
    const withSlash = await start(app());
    expect((await get(withSlash, '/nope')).status).toBe(404);
  });

  it('adds the security headers, X-Frame-Options and Content-Length', async () => {
    const server = await start(app());
    const response = await get(server, '/hello/');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['content-length']).toBe('5');
  });

  it('explains, in debug, a POST that would lose its body to the slash redirect', async () => {
    const server = await start(app({ debug: true }));
    const response = await request(new URL('/form', server.url), {
      method: 'POST',
      body: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(500);
    expect(await response.body.text()).toContain('You called this URL via POST');
  });
});

describe('access log', () => {
  it('writes one Django-style line per request with the body size', async () => {
    const lines: string[] = [];
    const app = createApp({
      rootUrlconf: [path('greetings/', () => new HttpResponse('Hello, world'))],
      allowedHosts: ['127.0.0.1'],
      logger: recordingLogger(),
    });
    const server = await start(app, { accessLog: (line) => lines.push(line) });
    await get(server, '/greetings/?x=1');
    await get(server, '/missing/');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines[0]).toMatch(
      /^\[\d\d\/[A-Z][a-z]{2}\/\d{4} \d\d:\d\d:\d\d\] "GET \/greetings\/\?x=1 HTTP\/1\.1" 200 12$/,
    );
    expect(lines[1]).toMatch(/"GET \/missing\/ HTTP\/1\.1" 404 \d+$/);
  });
});
