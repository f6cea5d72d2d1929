/**
 * `pnpm --filter @reins/sessions bench:redis`: what a request costs that reads its session from
 * Redis and writes it back (a visit counter), through SessionMiddleware + RedisSessionStore against
 * express-session + connect-redis doing the same work, in this process, on one real Redis
 * (@reins/test-servers), each side with its own node-redis client. Both middlewares run in
 * process with no sockets of their own; the Redis round trips are real.
 *
 * Each side runs the same number of requests one after another (the latency a visitor sees) and
 * then with 32 in flight (throughput); rounds alternate sides, and the median round counts.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { median } from '@reins/bench-tools';
import { HttpRequest, HttpResponse } from '@reins/http';
import type { HttpResponseBase } from '@reins/http';
import { startRedis } from '@reins/test-servers';
import { RedisStore } from 'connect-redis';
import session from 'express-session';
import { createClient } from 'redis';
import { sessionMiddleware } from '../src/session-middleware.js';
import { RedisSessionStore } from '../src/stores/redis-session-store.js';

const SECRET = 'bench-secret-key-0123456789abcdefghijklmnopqrstuvwxyz';
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 4000);
const ROUNDS = 5;
const IN_FLIGHT = 32;

const server = await startRedis();

// reins: SessionMiddleware on the Redis store; the view counts visits in the session.
const store = new RedisSessionStore({ url: server.url });
const reinsHandler = sessionMiddleware({ sessionStore: store, secretKey: SECRET })(
  (request): HttpResponseBase => {
    const visits = request.session;
    const count = (visits.get<number>('visits') ?? 0) + 1;
    visits.set('visits', count);
    return new HttpResponse(`You have been here ${count} times`);
  },
  {},
);
const reinsKey = await store.save(
  null,
  { visits: 0 },
  {
    expireDate: new Date(Date.now() + 1209600e3),
    expiryAge: 1209600,
    mustCreate: true,
  },
);
const reinsCookie = `sessionid=${reinsKey}`;
async function reinsRequest(): Promise<void> {
  const request = new HttpRequest({
    url: '/greetings/',
    headers: { host: 'localhost', cookie: reinsCookie },
  });
  const response = await reinsHandler(request);
  if (response.status !== 200) throw new Error(`reins answered ${response.status}`);
}

// express-session + connect-redis, the same view, the same two-week cookie.
const expressClient = createClient({ url: server.url });
await expressClient.connect();
const expressMiddleware = session({
  store: new RedisStore({ client: expressClient as never, prefix: 'sess:' }),
  secret: SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { maxAge: 1209600e3 },
});
type SessionRequest = IncomingMessage & { session: session.Session & { visits?: number } };
function expressRequest(cookie?: string): Promise<ServerResponse> {
  return new Promise((resolve, reject) => {
    const req = new IncomingMessage(new Socket()) as SessionRequest;
    req.method = 'GET';
    req.url = '/greetings/';
    req.headers = cookie === undefined ? { host: 'localhost' } : { host: 'localhost', cookie };
    const res = new ServerResponse(req);
    // express-session wraps end() to save first; this end() is what it calls afterwards.
    res.end = (() => {
      resolve(res);
      return res;
    }) as never;
    expressMiddleware(req as never, res as never, (error?: unknown) => {
      if (error)
        return reject(
          error instanceof Error ? error : new Error('express-session failed', { cause: error }),
        );
      const count = (req.session.visits ?? 0) + 1;
      req.session.visits = count;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`You have been here ${count} times`);
    });
  });
}
const first = await expressRequest();
const setCookie = first.getHeader('set-cookie') as string[] | undefined;
const expressCookie = setCookie?.[0]?.split(';')[0];
if (expressCookie === undefined) throw new Error('express-session set no cookie');
async function expressSessionRequest(): Promise<void> {
  const res = await expressRequest(expressCookie);
  if (res.statusCode !== 200) throw new Error(`express answered ${res.statusCode}`);
}

// Wall time per request, and this process' CPU time per request (what the library costs; the
// wall time adds Redis and whatever else the machine runs).
interface Sample {
  ns: number;
  cpuNs: number;
}
async function timed(work: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const used = process.cpuUsage(cpu);
  return {
    ns: Number(process.hrtime.bigint() - start) / REQUESTS,
    cpuNs: ((used.user + used.system) * 1000) / REQUESTS,
  };
}
function sequential(run: () => Promise<void>): Promise<Sample> {
  return timed(async () => {
    for (let i = 0; i < REQUESTS; i++) await run();
  });
}
function concurrent(run: () => Promise<void>): Promise<Sample> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next++ < REQUESTS) await run();
  };
  return timed(() => Promise.all(Array.from({ length: IN_FLIGHT }, worker)));
}

const sides = [
  ['reins SessionMiddleware + RedisSessionStore', reinsRequest],
  ['express-session + connect-redis', expressSessionRequest],
] as const;
// Warm up both (JIT, connections) before timing.
for (const [, run] of sides) await sequential(run);

console.log(
  `@reins/sessions — Redis store, read + write per request (Node ${process.version}, ${REQUESTS} requests × ${ROUNDS} rounds)\n`,
);
for (const [mode, measure] of [
  ['one at a time', sequential],
  [`${IN_FLIGHT} in flight`, concurrent],
] as const) {
  const times = new Map<string, Sample[]>(sides.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of round % 2 === 0 ? sides : [...sides].reverse()) {
      times.get(name)!.push(await measure(run));
    }
  }
  const of = (name: string, key: keyof Sample) => median(times.get(name)!.map((t) => t[key]));
  console.log(`${mode}:`);
  for (const [name] of sides) {
    const ns = of(name, 'ns');
    console.log(
      `  ${name.padEnd(46)}${(ns / 1000).toFixed(1).padStart(8)} µs/request${Math.round(1e9 / ns)
        .toLocaleString('en')
        .padStart(10)} req/s${(of(name, 'cpuNs') / 1000).toFixed(1).padStart(8)} µs CPU/request`,
    );
  }
  const [[reins], [peer]] = sides;
  console.log(
    `  reins vs express-session + connect-redis: ${(of(peer, 'ns') / of(reins, 'ns')).toFixed(2)}× (wall), ${(of(peer, 'cpuNs') / of(reins, 'cpuNs')).toFixed(2)}× (CPU) (goal ≥ 1.0×)\n`,
  );
}

// Both sides really read and wrote: each session counted every one of its requests.
const reinsVisits = (await store.load(reinsKey))?.['visits'];
const sid = decodeURIComponent(expressCookie.split('=')[1]!).slice(2).split('.')[0]!;
const expressVisits = (
  JSON.parse((await expressClient.get(`sess:${sid}`)) ?? '{}') as { visits?: number }
).visits;
console.log(
  `visits counted: reins ${String(reinsVisits)}, express-session ${String(expressVisits)}`,
);
await store.close();
await expressClient.close();
await server.stop();
