/**
 * The connections an app holds outside the request cycle — its `databases`, its `sessionStore`,
 * the caches of @reins/cache — pinged by the readiness view and closed when a server drains (a
 * pool left open holds PostgreSQL backends and Redis clients until the process dies).
 */
import { caches, closeCaches } from '@reins/cache';
import type { ResolvedSettings } from '../settings.js';

/** One dependency the readiness view checks: a name and a ping that rejects when it is down. */
export interface ResourceCheck {
  name: string;
  ping(): Promise<unknown>;
}

// A key no session has (the stores answer "none" for it after a real query).
const PROBE_SESSION_KEY = 'reinsreadinessprobe0000000000000';

/** The checks of the configured databases, session store and caches. */
export function resourceChecks(settings: ResolvedSettings): ResourceCheck[] {
  const checks: ResourceCheck[] = [];
  for (const [alias, database] of Object.entries(settings.databases)) {
    checks.push({
      name: `database:${alias}`,
      async ping() {
        const { sql } = await import('kysely');
        await sql`select 1`.execute(database.kysely() as never);
      },
    });
  }
  const store = settings.sessions.sessionStore;
  if (store !== undefined && store.sync === false) {
    checks.push({ name: 'sessions', ping: async () => store.load(PROBE_SESSION_KEY) });
  }
  for (const alias of caches.aliases()) {
    checks.push({ name: `cache:${alias}`, ping: () => caches.get(alias).has('reins:readiness') });
  }
  return checks;
}

/** Close the databases, session store and caches; failures are collected, not thrown one by one. */
export async function closeResources(settings: ResolvedSettings): Promise<unknown[]> {
  const closing: Promise<unknown>[] = Object.values(settings.databases).map(async (database) => {
    if (database.close !== undefined) await database.close();
    else await database.kysely().destroy();
  });
  closing.push(Promise.resolve().then(() => settings.sessions.sessionStore?.close?.()));
  closing.push(closeCaches());
  const results = await Promise.allSettled(closing);
  return results.flatMap((result): unknown[] =>
    result.status === 'rejected' ? [result.reason as unknown] : [],
  );
}
