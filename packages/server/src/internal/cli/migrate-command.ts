/** The `migrate` command's arguments (cac), registered by cli.ts; the work is in migrate.ts. */
import type { CAC } from 'cac';
import { migrate } from './migrate.js';

/** Add `reins migrate [--list]` to the command line. */
export function registerMigrate(cli: CAC, finish: (code: Promise<number>) => Promise<void>): void {
  cli
    .command(
      'migrate',
      "Apply the app's database migrations (its `migrations` export) and create the cache tables",
    )
    .option('--list', 'List every migration, applied [X] or not [ ], and apply none')
    .example('reins migrate --app ./src/app.ts')
    .action(async (options: { app?: string; list?: boolean }) =>
      finish(
        migrate({
          ...(options.app === undefined ? {} : { app: options.app }),
          list: options.list === true,
        }),
      ),
    );
}
