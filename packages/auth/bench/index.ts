/**
 * `pnpm --filter @reins/auth bench`: reins' auth against Passport (passport-local +
 * express-session on Express 5) doing the same work, each over real loopback sockets, in this
 * one process, on the same SQLite file through the same driver (Kysely over better-sqlite3):
 *
 * 1. `request.user` for an authenticated request: find the session cookie, load the session row,
 *    load the user row, answer with the username (reins: SessionMiddleware with the database
 *    store + AuthenticationMiddleware with ModelBackend; Passport: express-session with a store
 *    over the same kind of table + passport.session()'s deserializeUser).
 * 2. Logins per second with PBKDF2-SHA256 (Django 3.2's 260000 iterations) and Argon2id (Django's
 *    m=102400,t=2,p=8): reins' LoginView path (authenticate → checkPassword → login) against
 *    passport-local's verify callback running the same hash through the same library.
 * 3. The event loop while logins run: the p99 of other requests (a trivial page) served by the
 *    same process during a burst of PBKDF2 logins; hashing is off the loop in both, and a
 *    synchronous pbkdf2Sync baseline shows what that buys.
 *
 * Prints absolute numbers and reins/Passport ratios (> 1: reins faster).
 */
import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify as argon2Verify } from '@node-rs/argon2';
import {
  HttpResponse,
  requestFromNode,
  writeNodeResponse,
  type HttpRequest,
  type HttpResponseBase,
} from '@reins/http';
import type { GetResponse, Middleware } from '@reins/middleware';
import { DatabaseSessionStore, sessionMiddleware, sessionsMigrations } from '@reins/sessions';
import Database from 'better-sqlite3';
import express from 'express';
import session from 'express-session';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { Pool } from 'undici';
import {
  Argon2PasswordHasher,
  authenticate,
  authenticationMiddleware,
  authMigrations,
  configurePasswordHashers,
  login,
  makePassword,
  ModelBackend,
  PBKDF2PasswordHasher,
} from '../src/index.js';

const SECRET = 'auth-bench-secret-key-auth-bench-secret-key';
const dir = mkdtempSync(join(tmpdir(), 'reins-auth-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const db = new Kysely<any>({
  dialect: new SqliteDialect({ database: new Database(join(dir, 'bench.sqlite3')) }),
});
const migrator = new Migrator({
  db,
  provider: { getMigrations: () => Promise.resolve({ ...sessionsMigrations, ...authMigrations }) },
});
await migrator.migrateToLatest();
await db.schema
  .createTable('express_sessions')
  .ifNotExists()
  .addColumn('sid', 'text', (c) => c.primaryKey())
  .addColumn('sess', 'text', (c) => c.notNull())
  .addColumn('expire', 'integer', (c) => c.notNull())
  .execute();

configurePasswordHashers([new PBKDF2PasswordHasher(), new Argon2PasswordHasher()]);
const backend = new ModelBackend({ db });
const user = await backend.createUser({ username: 'bench', password: 'bench-password' });
const argonUser = await backend.createUser({ username: 'bench-argon', password: 'x' });
await db
  .updateTable('auth_user')
  .set({ password: await makePassword('bench-password', { hasher: new Argon2PasswordHasher() }) })
  .where('id', '=', argonUser.id)
  .execute();
const rows = new Map<string, { id: number; username: string; password: string }>();
for (const row of (await db
  .selectFrom('auth_user')
  .select(['id', 'username', 'password'])
  .execute()) as { id: number; username: string; password: string }[])
  rows.set(row.username, row);

// ── reins: the chain over node:http ──
function serve(handler: RequestListener): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}
const compose = (middleware: Middleware[], view: GetResponse): GetResponse =>
  middleware.reduceRight<GetResponse>(
    (next, factory) => factory(next, { secretKey: SECRET }),
    view,
  );
const reinsHandler = compose(
  [
    sessionMiddleware({ sessionStore: new DatabaseSessionStore({ secretKey: SECRET, db }) }),
    authenticationMiddleware({ backends: [backend] }),
  ],
  async (request: HttpRequest): Promise<HttpResponseBase> => {
    if (request.pathInfo === '/ping') return new HttpResponse('pong');
    if (request.pathInfo === '/login') {
      await request.loadBody();
      const found = await authenticate(request, {
        username: request.POST.get('username') ?? '',
        password: request.POST.get('password') ?? '',
      });
      if (found === null) return new HttpResponse('no', { status: 401 });
      await login(request, found);
      return new HttpResponse('in');
    }
    return new HttpResponse((await request.auser()).getUsername() || '-');
  },
);
const reins = await serve((incoming, outgoing) => {
  const request = requestFromNode(incoming, { allowedHosts: ['127.0.0.1'] });
  void (async () => writeNodeResponse(await reinsHandler(request), outgoing, request))();
});

// ── Passport: express-session with a store over the same SQLite, passport-local ──
class SqliteStore extends session.Store {
  override get(
    sid: string,
    callback: (error: unknown, session?: session.SessionData | null) => void,
  ): void {
    db.selectFrom('express_sessions')
      .select('sess')
      .where('sid', '=', sid)
      .where('expire', '>', Date.now())
      .executeTakeFirst()
      .then(
        (row) =>
          callback(null, row ? (JSON.parse(row.sess as string) as session.SessionData) : null),
        callback,
      );
  }
  override set(sid: string, sess: session.SessionData, callback?: (error?: unknown) => void): void {
    const expire = Date.now() + 14 * 86400e3;
    void db
      .insertInto('express_sessions')
      .values({ sid, sess: JSON.stringify(sess), expire })
      .onConflict((oc) => oc.column('sid').doUpdateSet({ sess: JSON.stringify(sess), expire }))
      .execute()
      .then(() => callback?.(), callback);
  }
  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    void db
      .deleteFrom('express_sessions')
      .where('sid', '=', sid)
      .execute()
      .then(() => callback?.(), callback);
  }
}
let passportHasher: 'pbkdf2' | 'argon2' = 'pbkdf2';
function djangoPbkdf2Verify(password: string, encoded: string): Promise<boolean> {
  const [, iterations, salt, hash] = encoded.split('$');
  return new Promise((resolve, reject) =>
    pbkdf2(password, salt!, Number(iterations), 32, 'sha256', (error, key) =>
      error ? reject(error) : resolve(key.toString('base64') === hash),
    ),
  );
}
passport.use(
  new LocalStrategy((username, password, done) => {
    db.selectFrom('auth_user')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst()
      .then(async (row) => {
        if (!row) return done(null, false);
        const ok =
          passportHasher === 'pbkdf2'
            ? await djangoPbkdf2Verify(password, row.password as string)
            : await argon2Verify((row.password as string).slice('argon2'.length), password);
        done(null, ok ? row : false);
      }, done);
  }),
);
passport.serializeUser((row: Express.User, done) => done(null, (row as { id: number }).id));
passport.deserializeUser((id: number, done) => {
  db.selectFrom('auth_user')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
    .then((row) => done(null, row ?? false), done);
});
const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(
  session({ secret: SECRET, store: new SqliteStore(), resave: false, saveUninitialized: false }),
);
app.use(passport.session());
app.get('/ping', (_req, res) => void res.send('pong'));
app.post(
  '/login',
  passport.authenticate('local', { failWithError: true }) as express.RequestHandler,
  (_req, res) => void res.send('in'),
);
app.get('/', (req, res) => {
  const user: { username?: string } | undefined = req.user;
  res.send(user?.username ?? '-');
});
const express_ = await serve(app);

// ── measuring ──
async function loginCookie(origin: string, username: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `username=${username}&password=bench-password`,
  });
  if ((await response.text()) !== 'in') throw new Error(`${origin}: login failed`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

interface Run {
  perSecond: number;
  latencies: number[];
}
async function drive(
  origin: string,
  count: number,
  concurrency: number,
  request: () => { path: string; method?: string; headers?: Record<string, string>; body?: string },
  expect: string,
): Promise<Run> {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const options = request();
        const t0 = performance.now();
        const response = await pool.request({
          path: options.path,
          method: options.method ?? 'GET',
          headers: options.headers,
          body: options.body,
        });
        const text = await response.body.text();
        latencies.push(performance.now() - t0);
        if (text !== expect)
          throw new Error(`${origin}${options.path}: expected ${expect}, got ${text}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { perSecond: count / seconds, latencies };
}
const p = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
const fmt = (n: number) => n.toFixed(n >= 100 ? 0 : 1);

console.log(
  '@reins/auth bench — reins vs Passport (passport-local + express-session, Express 5), loopback HTTP, SQLite via Kysely/better-sqlite3\n',
);

// 1. request.user for an authenticated request
{
  const reinsCookie = await loginCookie(reins.origin, 'bench');
  const passportCookie = await loginCookie(express_.origin, 'bench');
  const who = (cookie: string) => () => ({ path: '/', headers: { cookie } });
  await drive(reins.origin, 300, 8, who(reinsCookie), 'bench');
  await drive(express_.origin, 300, 8, who(passportCookie), 'bench');
  const a = await drive(reins.origin, 4000, 16, who(reinsCookie), 'bench');
  const b = await drive(express_.origin, 4000, 16, who(passportCookie), 'bench');
  console.log('1. request.user, authenticated (session row + user row):');
  console.log(
    `   reins     ${fmt(a.perSecond)} req/s  p50 ${fmt(p(a.latencies, 0.5))} ms  p99 ${fmt(p(a.latencies, 0.99))} ms`,
  );
  console.log(
    `   Passport  ${fmt(b.perSecond)} req/s  p50 ${fmt(p(b.latencies, 0.5))} ms  p99 ${fmt(p(b.latencies, 0.99))} ms`,
  );
  console.log(`   ratio reins/Passport: ${(a.perSecond / b.perSecond).toFixed(2)}×\n`);
}

// 2. logins per second
const loginRequest = (username: string) => () => ({
  path: '/login',
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: `username=${username}&password=bench-password`,
});
for (const [label, username, count] of [
  ['PBKDF2-SHA256, 260000 iterations', 'bench', 64],
  ['Argon2id, m=102400 t=2 p=8', 'bench-argon', 24],
] as const) {
  passportHasher = username === 'bench' ? 'pbkdf2' : 'argon2';
  // The preferred hasher is the one the user's hash was made with, so no login upgrades it.
  configurePasswordHashers(
    passportHasher === 'pbkdf2'
      ? [new PBKDF2PasswordHasher(), new Argon2PasswordHasher()]
      : [new Argon2PasswordHasher(), new PBKDF2PasswordHasher()],
  );
  const a = await drive(reins.origin, count, 4, loginRequest(username), 'in');
  const b = await drive(express_.origin, count, 4, loginRequest(username), 'in');
  console.log(`2. logins/s, ${label} (4 at a time, a fresh session each):`);
  console.log(`   reins     ${fmt(a.perSecond)} logins/s`);
  console.log(`   Passport  ${fmt(b.perSecond)} logins/s`);
  console.log(`   ratio reins/Passport: ${(a.perSecond / b.perSecond).toFixed(2)}×\n`);
}

// 3. other requests while logins run
passportHasher = 'pbkdf2';
configurePasswordHashers([new PBKDF2PasswordHasher(), new Argon2PasswordHasher()]);
async function pingDuringLogins(origin: string): Promise<number[]> {
  let done = false;
  const logins = drive(origin, 48, 4, loginRequest('bench'), 'in').finally(() => (done = true));
  const latencies: number[] = [];
  const pool = new Pool(origin, { connections: 2 });
  while (!done) {
    const t0 = performance.now();
    const response = await pool.request({ path: '/ping', method: 'GET' });
    await response.body.text();
    latencies.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await logins;
  await pool.close();
  return latencies;
}
const blocking = await serve((incoming, outgoing) => {
  if (incoming.url === '/ping') return void outgoing.end('pong');
  // The baseline: the same check with pbkdf2Sync, on the event loop.
  const row = rows.get('bench')!;
  const [, iterations, salt] = row.password.split('$');
  pbkdf2Sync('bench-password', salt!, Number(iterations), 32, 'sha256');
  incoming.resume();
  incoming.on('end', () => outgoing.end('in'));
});
{
  const a = await pingDuringLogins(reins.origin);
  const b = await pingDuringLogins(express_.origin);
  const c = await pingDuringLogins(blocking.origin);
  console.log(
    '3. the event loop during a burst of 48 PBKDF2 logins (4 at a time): latency of /ping meanwhile',
  );
  console.log(
    `   reins                 p50 ${fmt(p(a, 0.5))} ms  p99 ${fmt(p(a, 0.99))} ms  (${a.length} pings)`,
  );
  console.log(
    `   Passport              p50 ${fmt(p(b, 0.5))} ms  p99 ${fmt(p(b, 0.99))} ms  (${b.length} pings)`,
  );
  console.log(
    `   pbkdf2Sync baseline   p50 ${fmt(p(c, 0.5))} ms  p99 ${fmt(p(c, 0.99))} ms  (${c.length} pings)`,
  );
  console.log(
    `   ratio of p99, Passport/reins: ${(p(b, 0.99) / p(a, 0.99)).toFixed(2)}× (> 1: reins' other requests wait less)`,
  );
}

void user;
for (const s of [reins.server, express_.server, blocking.server]) s.close();
await db.destroy();
