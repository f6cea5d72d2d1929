import type { AnyKysely } from './any-client.js';

/** The SQL dialects the database store speaks. */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * Which dialect a Kysely instance speaks, from its adapter. By class name first (Kysely's own
 * adapters); a renamed one (a bundler's minifier) is told apart by transactional DDL, which
 * PostgreSQL has and SQLite lacks.
 */
export function sqlDialectOf(db: AnyKysely): SqlDialect {
  const adapter = db.getExecutor().adapter;
  const name = adapter.constructor.name;
  if (name === 'SqliteAdapter') return 'sqlite';
  if (name === 'PostgresAdapter') return 'postgres';
  return adapter.supportsTransactionalDdl ? 'postgres' : 'sqlite';
}
