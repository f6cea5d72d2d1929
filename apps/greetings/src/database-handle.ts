/**
 * The one database connection of the process, opened on first use (so importing the app, or
 * running `reins show-urls`, touches no file) and closable for tests and shutdown.
 */
import type { Kysely } from 'kysely';
import { openDatabase, type GreetingsDatabase } from './articles/database.js';

let handle: Kysely<GreetingsDatabase> | undefined;

/** The shared Kysely instance, opening (and seeding) the database on first call. */
export function database(): Kysely<GreetingsDatabase> {
  handle ??= openDatabase();
  return handle;
}

/** Close the shared connection; the next `database()` opens it again. */
export async function closeDatabase(): Promise<void> {
  const current = handle;
  handle = undefined;
  await current?.destroy();
}
