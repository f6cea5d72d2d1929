/**
 * `reins createcachetable`: Django's command. It loads the app (whose settings module calls
 * `configureCaches`) and creates the table of every database cache configured. The server does not
 * import `@reins/cache`: the app's copy of it leaves its table creator in a process-wide registry,
 * so a site without the cache package pays nothing for the command.
 */
import { importApp, locateApp } from './load-app.js';
import type { CommandIo } from './commands.js';
import { processIo } from './commands.js';

interface CacheRegistry {
  createCacheTables?: (options?: { dryRun?: boolean }) => Promise<string[]>;
}

/** `reins createcachetable [--dry-run]`; exit code 1 when the app configures no cache package. */
export async function createcachetable(
  options: { app?: string; dryRun?: boolean },
  io: CommandIo = processIo,
): Promise<number> {
  await importApp(await locateApp(options.app));
  const registry = (globalThis as Record<symbol, CacheRegistry | undefined>)[
    Symbol.for('reins.cache.registry')
  ];
  if (registry?.createCacheTables === undefined) {
    io.err(
      "CommandError: the app does not use @reins/cache. Install it and call configureCaches({ ... }) with a 'database' cache in the app's settings.",
    );
    return 1;
  }
  for (const line of await registry.createCacheTables({ dryRun: options.dryRun === true })) {
    io.out(line);
  }
  return 0;
}
