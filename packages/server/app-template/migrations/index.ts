/**
 * The __APP__ app's migrations by name, applied in name order. Write `0001_initial.ts` exporting
 * `up(db)` and `down(db)` with Kysely's schema builder, add it here, and run `reins migrate`.
 */
import type { ReinsMigration } from '@reins/server';

export const migrations: Record<string, ReinsMigration> = {};
