/**
 * `pnpm bench`: what SessionMiddleware costs per request, in process, against the same work done
 * by iron-session and @fastify/secure-session — each peer wrapped as a middleware over the same
 * request and response objects (the same cookie parser and Set-Cookie writer), so only the
 * session machinery differs: find the cookie, open it, let the view read (and write) a counter,
 * seal it again and set the cookie with Vary: Cookie. Costs are the median minus the bare view.
 */
import { randomBytes } from 'node:crypto';
import fastifySecureSession from '@fastify/secure-session';
import { median as medianOf, medianOfRounds, ratioSummary } from '@reins/bench-tools';
import { HttpRequest, HttpResponse } from '@reins/http';
import type { HttpResponseBase } from '@reins/http';
import type { GetResponse } from '@reins/middleware';
import Fastify from 'fastify';
import { sealData, unsealData } from 'iron-session';
import { bench, do_not_optimize } from 'mitata';
import { SignedCookieStore, sessionMiddleware } from '../src/index.js';

const secretKey = 'bench-secret-key-bench-secret-key-bench-secret-key';
const COOKIE_OPTIONS = { maxAge: 1209600, httpOnly: true, sameSite: 'Lax', path: '/' } as const;
const DATA = { visits: 41, userId: '7', _auth_user_hash: 'e1b2c3d4e5f6a7b8c9d0' };
// What django.contrib.auth's login() leaves in a session: zlib shrinks it (159 → 110 bytes), so
// a write compresses for real instead of finding that it would not pay.
const LOGIN = {
  _auth_user_id: '1',
  _auth_user_backend: 'django.contrib.auth.backends.ModelBackend',
  _auth_user_hash: '0123456789abcdef0123456789abcdef01234567',
  visits: 41,
};

function request(cookie?: string): HttpRequest {
  return new HttpRequest({
    url: '/',
    headers: cookie === undefined ? { host: 'localhost' } : { host: 'localhost', cookie },
  });
}

// The views: one that never touches the session, one that reads it, one that counts visits.
const page = (visits: number) => new HttpResponse(`You have been here ${visits} times`);

// reins
// The default store remembers cookies it verified or wrote (a browser sends the same one back);
// "first sight" turns that off to show what an unseen cookie costs; "compress: false" skips the
// zlib attempt Django's format makes on every write.
type StoreOptions = { compress?: boolean; verifiedCacheBytes?: number };
const reins = (view: GetResponse, options: StoreOptions = {}) =>
  sessionMiddleware({
    sessionStore: new SignedCookieStore({ secretKey, maxAge: 1209600, ...options }),
  })(view, { secretKey });
const reinsCookie = `sessionid=${new SignedCookieStore({ secretKey, maxAge: 1209600 }).save(null, DATA)}`;
const reinsLoginCookie = `sessionid=${new SignedCookieStore({ secretKey, maxAge: 1209600 }).save(null, LOGIN)}`;
const reinsNone = reins(() => page(0));
const reinsRead = reins((req) => page(req.session.get<number>('visits', 0)));
const reinsReadFirst = reins((req) => page(req.session.get<number>('visits', 0)), {
  verifiedCacheBytes: 0,
});
const countVisit: GetResponse = (req) => {
  const visits = req.session.get<number>('visits', 0) + 1;
  req.session.set('visits', visits);
  return page(visits);
};
const reinsWrite = reins(countVisit);
const reinsWriteFirst = reins(countVisit, { verifiedCacheBytes: 0 });
const reinsWritePlain = reins(countVisit, { compress: false });

// @fastify/secure-session's own encode/decode, outside Fastify's request pipeline.
const fastify = Fastify();
await fastify.register(fastifySecureSession, { key: randomBytes(32), cookieName: 'session' });
await fastify.ready();
type SecureSession = { get(key: string): unknown; set(key: string, value: unknown): void };
const decode = (cookie: string | undefined) =>
  (
    fastify as unknown as { decodeSecureSession(c: string | undefined): SecureSession | null }
  ).decodeSecureSession(cookie);
const encode = (session: SecureSession) =>
  (fastify as unknown as { encodeSecureSession(s: SecureSession): string }).encodeSecureSession(
    session,
  );
const create = (data: object) =>
  (fastify as unknown as { createSecureSession(d: object): SecureSession }).createSecureSession(
    data,
  );
// @fastify/cookie URL-encodes the value (it holds a ';'), and decodes it on the way in.
const secureCookie = `session=${encodeURIComponent(encode(create({ ...DATA })))}`;
const secureLoginCookie = `session=${encodeURIComponent(encode(create({ ...LOGIN })))}`;
function secure(write: boolean) {
  return (req: HttpRequest): HttpResponseBase => {
    const cookie = req.COOKIES['session'];
    const session = cookie === undefined ? null : decode(decodeURIComponent(cookie));
    const visits = ((session?.get('visits') as number | undefined) ?? 0) + (write ? 1 : 0);
    const response = page(visits);
    if (cookie !== undefined) response.headers.set('Vary', 'Cookie');
    if (write) {
      const target = session ?? create({});
      target.set('visits', visits);
      response.setCookie('session', encodeURIComponent(encode(target)), COOKIE_OPTIONS);
    }
    return response;
  };
}

// iron-session's seal/unseal (what getIronSession does around them), which are async.
const password = 'iron-session-bench-password-at-least-32-characters';
const ironCookie = `session=${await sealData({ ...DATA }, { password })}`;
function iron(write: boolean) {
  return async (req: HttpRequest): Promise<HttpResponseBase> => {
    const cookie = req.COOKIES['session'];
    const data: Record<string, unknown> =
      cookie === undefined ? {} : await unsealData<Record<string, unknown>>(cookie, { password });
    const visits = ((data['visits'] as number | undefined) ?? 0) + (write ? 1 : 0);
    const response = page(visits);
    if (cookie !== undefined) response.headers.set('Vary', 'Cookie');
    if (write) {
      data['visits'] = visits;
      response.setCookie(
        'session',
        await sealData(data, { password, ttl: 1209600 }),
        COOKIE_OPTIONS,
      );
    }
    return response;
  };
}

const bare = (): HttpResponseBase => page(0);
const cases: [string, (req: HttpRequest) => unknown, string | undefined][] = [
  ['bare view', bare, undefined],
  ['reins: no cookie', reinsNone, undefined],
  ['reins: cookie store, read-only', reinsRead, reinsCookie],
  ['reins: cookie store, read-only, first sight', reinsReadFirst, reinsCookie],
  ['reins: cookie store, read + write', reinsWrite, reinsCookie],
  ['reins: cookie store, read + write, first sight', reinsWriteFirst, reinsCookie],
  ['reins: cookie store, read + write, compress: false', reinsWritePlain, reinsCookie],
  ['@fastify/secure-session: read-only', secure(false), secureCookie],
  ['@fastify/secure-session: read + write', secure(true), secureCookie],
  ['iron-session: read-only', iron(false), ironCookie],
  ['iron-session: read + write', iron(true), ironCookie],
];
if (!reinsLoginCookie.slice('sessionid='.length).startsWith('.')) {
  throw new Error('The login session was expected to be written compressed.');
}
// Check each case does the work it claims before timing it.
for (const [name, handler, cookie] of cases) {
  const response = (await handler(request(cookie))) as HttpResponse;
  const text = new TextDecoder().decode(response.content);
  const expected =
    name === 'bare view' || name.includes('no cookie') ? 0 : name.includes('write') ? 42 : 41;
  if (text !== `You have been here ${expected} times`) throw new Error(`${name}: ${text}`);
  if (name.includes('write') && response.cookies.size !== 1) throw new Error(`${name}: no cookie`);
}
for (const [name, handler, cookie] of cases) {
  if (name.startsWith('iron-session')) {
    bench(name, async () => do_not_optimize(await handler(request(cookie))));
  } else {
    bench(name, () => do_not_optimize(handler(request(cookie))));
  }
}

// Three rounds, each case's median per round, then the median of the rounds: the machine is
// shared, and a burst of load in one round would otherwise decide a ratio.
const median = await medianOfRounds(3);
const base = median.get('bare view')!;
const cost = (name: string) => Math.max(1, median.get(name)! - base);
console.log(
  `@reins/sessions — SessionMiddleware cost per request, in process (Node ${process.version}; median of three rounds)\n`,
);
console.log('case'.padEnd(52) + 'p50 ns'.padStart(10) + 'cost ns'.padStart(10));
for (const [name, p50] of median) {
  console.log(
    name.padEnd(52) +
      p50.toFixed(0).padStart(10) +
      (name === 'bare view' ? '' : cost(name).toFixed(0)).padStart(10),
  );
}
console.log('\nratios (peer cost / reins cost; ≥ 1.0× means reins is cheaper):');
for (const [kind, variant] of [
  ['read-only', ''],
  ['read-only', ', first sight'],
  ['read + write', ''],
  ['read + write', ', first sight'],
  ['read + write', ', compress: false'],
] as const) {
  const ours = cost(`reins: cookie store, ${kind}${variant}`);
  for (const peer of ['@fastify/secure-session', 'iron-session']) {
    console.log(
      `  ${(kind + variant).padEnd(31)} vs ${peer.padEnd(24)} ${(cost(`${peer}: ${kind}`) / ours).toFixed(2)}×`,
    );
  }
}
console.log(
  `\nno cookie: ${(cost('reins: no cookie') / 1000).toFixed(3)} µs over the bare view (goal ≤ 0.3 µs)`,
);

// The same write paths timed again in CPU time (this process' user + system), the cases
// alternating round by round so that load on the shared machine falls on all of them alike; the
// ratio is taken per round, then its median.
const cpuCases: [string, (req: HttpRequest) => unknown, string | undefined][] = [
  ['bare view', bare, undefined],
  ['reins: read-only', reinsRead, reinsCookie],
  ['@fastify/secure-session: read-only', secure(false), secureCookie],
  ['reins: read + write', reinsWrite, reinsCookie],
  ['reins: read + write, compress: false', reinsWritePlain, reinsCookie],
  ['@fastify/secure-session: read + write', secure(true), secureCookie],
  ['reins: read + write, login session', reinsWrite, reinsLoginCookie],
  ['reins: read + write, login session, first sight', reinsWriteFirst, reinsLoginCookie],
  ['@fastify/secure-session: read + write, login session', secure(true), secureLoginCookie],
];
const ROUNDS = 21;
const PER_ROUND = 2000;
const cpu = new Map<string, number[]>(cpuCases.map(([name]) => [name, []]));
for (let round = -2; round < ROUNDS; round++) {
  for (const [name, handler, cookie] of cpuCases) {
    const start = process.cpuUsage();
    for (let i = 0; i < PER_ROUND; i++) do_not_optimize(handler(request(cookie)));
    const used = process.cpuUsage(start);
    // The first two rounds warm up (JIT, caches) and are not counted.
    if (round >= 0) cpu.get(name)!.push(((used.user + used.system) * 1000) / PER_ROUND);
  }
}
const cpuCost = (name: string, round: number) =>
  Math.max(1, cpu.get(name)![round]! - cpu.get('bare view')![round]!);
console.log(
  `\nCPU time per request over the bare view, interleaved (median of ${ROUNDS} rounds of ${PER_ROUND}):`,
);
for (const [name] of cpuCases.slice(1)) {
  const costs = cpu.get(name)!.map((_, round) => cpuCost(name, round));
  console.log(`  ${name.padEnd(56)} ${medianOf(costs).toFixed(0).padStart(7)} ns`);
}
console.log('ratios (@fastify/secure-session cost / reins cost, per round):');
for (const [ours, peer] of [
  ['reins: read-only', '@fastify/secure-session: read-only'],
  ['reins: read + write', '@fastify/secure-session: read + write'],
  ['reins: read + write, compress: false', '@fastify/secure-session: read + write'],
  ['reins: read + write, login session', '@fastify/secure-session: read + write, login session'],
  [
    'reins: read + write, login session, first sight',
    '@fastify/secure-session: read + write, login session',
  ],
] as const) {
  const ratios = cpu.get(ours)!.map((_, round) => cpuCost(peer, round) / cpuCost(ours, round));
  console.log(`  ${ours.slice('reins: '.length).padEnd(48)} ${ratioSummary(ratios)}`);
}
