/** The `startapp` command's arguments (cac), registered by cli.ts; the work is in startapp.ts. */
import type { CAC } from 'cac';
import { startapp } from './startapp.js';

/** Add `reins startapp NAME [directory]` to the command line. */
export function registerStartapp(cli: CAC, finish: (code: Promise<number>) => Promise<void>): void {
  cli
    .command(
      'startapp <name> [directory]',
      'Create an app folder: urls, views, templates, a test, migrations',
    )
    .example('reins startapp blog')
    .action(async (name: string, directory: string | undefined) =>
      finish(Promise.resolve(startapp(name, directory))),
    );
}
