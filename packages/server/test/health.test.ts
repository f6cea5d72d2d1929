/**
 * The liveness and readiness views as a load balancer sees them: readiness pings the configured
 * database (a real SQLite through Kysely), session store and caches within its timeout, and says
 * which one failed without the error text.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { path } from '@reins/urls';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, livenessView, readinessView, silentLogger } from '../src/index.js';

const opened: Kysely<unknown>[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

function sqlite(): Kysely<unknown> {
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  opened.push(db);
  return db;
}

function appWith(options: Parameters<typeof readinessView>[0], kysely = sqlite()) {
  return createApp({
    rootUrlconf: [
      path('-/live/', livenessView, { name: 'live' }),
      path('-/ready/', readinessView(options), { name: 'ready' }),
    ],
    allowedHosts: ['testserver'],
    logger: silentLogger,
    databases: { default: { kysely: () => kysely } },
  });
}

async function get(app: ReturnType<typeof appWith>, url: string) {
  const response = await app.fetch(new Request(`http://testserver${url}`));
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: (await response.json()) as { status: string; checks?: Record<string, string> },
  };
}

describe('health views', () => {
  it('liveness answers 200 without touching anything', async () => {
    const result = await get(appWith({}), '/-/live/');
    expect(result).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ok' } });
  });

  it('readiness pings the database and every check, 200 when all answer', async () => {
    const result = await get(
      appWith({ checks: { queue: () => Promise.resolve('up') } }),
      '/-/ready/',
    );
    expect(result.status).toBe(200);
    expect(result.body.checks).toMatchObject({ 'database:default': 'ok', queue: 'ok' });
  });

  it('readiness is 503 naming a failed database, without its error text', async () => {
    const closed = new Database(':memory:');
    closed.close();
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: closed }) });
    const result = await get(appWith({}, db), '/-/ready/');
    expect(result.status).toBe(503);
    expect(result.body).toEqual({
      status: 'unavailable',
      // The caches of @reins/cache (a local-memory default when none is configured) answer.
      checks: { 'database:default': 'failed', 'cache:default': 'ok' },
    });
  });

  it('readiness answers within its timeout when a check hangs', async () => {
    const hang = () => new Promise<never>(() => {});
    const result = await get(appWith({ timeout: 50, checks: { hangs: hang } }), '/-/ready/');
    expect(result.status).toBe(503);
    expect(result.body.checks).toMatchObject({ 'database:default': 'ok', hangs: 'timeout' });
  });
});
