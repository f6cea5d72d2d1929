/**
 * The `reins` command line (built to dist/cli.js): `runserver`, `serve`, `show-urls`, `check`,
 * `collectstatic`, `findstatic`, `clearsessions`, `createcachetable`, `migrate`, `startapp`, `typegen`.
 * Arguments are parsed with cac; what each command does lives in internal/cli/commands.ts.
 */
import { createRequire } from 'node:module';
import { cac } from 'cac';
import { AddrPortError, parseAddrPort } from './internal/cli/addrport.js';
import {
  check,
  clearsessions,
  collectstaticCommand,
  findstaticCommand,
  runserver,
  serve,
  showUrls,
} from './internal/cli/commands.js';
import { changepassword, createsuperuser } from './internal/cli/auth-commands.js';
import { createcachetable } from './internal/cli/createcachetable.js';
import { registerMigrate } from './internal/cli/migrate-command.js';
import { registerStartapp } from './internal/cli/startapp-command.js';
import { registerTypegen } from './internal/cli/typegen-command.js';
import { AppLoadError } from './internal/cli/load-app.js';
import { DEFAULT_SHUTDOWN_TIMEOUT } from './internal/node-server.js';

// This file and dist/cli.js both sit one level below the package root.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const cli = cac('reins');

cli.option(
  '--app <path>',
  'Module whose default (or `app`) export is the application (also REINS_APP, reins.config.json, package.json "reins.app")',
);

cli
  .command(
    'runserver [addrport]',
    'Start the development server (default 127.0.0.1:8000, or HOST/PORT)',
  )
  .option('--noreload', 'Do not restart the server when files change')
  .option('--skip-checks', 'Skip the system checks')
  .option(
    '--shutdown-timeout <ms>',
    'How long to wait for in-flight requests on SIGTERM or a reload (as `serve`)',
    { default: DEFAULT_SHUTDOWN_TIMEOUT },
  )
  .example('reins runserver --app ./dist/app.js 0.0.0.0:8000')
  .action(
    async (
      addrport: string | undefined,
      options: {
        app?: string;
        reload?: boolean;
        noreload?: boolean;
        skipChecks?: boolean;
        shutdownTimeout: number | string;
      },
    ) => {
      // cac turns --noreload into `reload: false` (a negated flag).
      const reload = options.noreload !== true && options.reload !== false;
      return finish(
        runserver(parseAddrPort(addrport), {
          ...pick(options.app),
          reload,
          skipChecks: options.skipChecks === true,
          version,
          shutdownTimeout: parseShutdownTimeout(options.shutdownTimeout),
        }),
      );
    },
  );

cli
  .command('serve [addrport]', 'Start a production server (no reloader) on one or more processes')
  .option('--workers <n>', 'Number of worker processes', { default: 1 })
  .option('--shutdown-timeout <ms>', 'How long to wait for in-flight requests on SIGTERM', {
    default: DEFAULT_SHUTDOWN_TIMEOUT,
  })
  .option('--access-log', 'Write one line per request to stderr')
  .action(
    async (
      addrport: string | undefined,
      options: {
        app?: string;
        workers: number | string;
        shutdownTimeout: number | string;
        accessLog?: boolean;
      },
    ) => {
      const workers = Number(options.workers);
      if (!Number.isInteger(workers) || workers < 1) {
        throw new AddrPortError(
          `--workers must be a whole number ≥ 1, got '${String(options.workers)}'.`,
        );
      }
      return finish(
        serve(parseAddrPort(addrport), {
          ...pick(options.app),
          workers,
          shutdownTimeout: parseShutdownTimeout(options.shutdownTimeout),
          accessLog: options.accessLog === true,
        }),
      );
    },
  );

cli
  .command('show-urls', 'List every URL pattern with its view and name')
  .action(async (options: { app?: string }) => finish(showUrls(pick(options.app))));

cli
  .command('check', 'Run the system checks; exits non-zero when there are errors')
  .option('--fail-level <level>', 'error or warning', { default: 'error' })
  .option(
    '--deploy',
    "Also run Django's deployment checks (security.W001…, secret key, debug, hosts)",
  )
  .action(async (options: { app?: string; failLevel: string; deploy?: boolean }) => {
    const failLevel = options.failLevel.toLowerCase() === 'warning' ? 'warning' : 'error';
    return finish(check({ ...pick(options.app), failLevel, deploy: options.deploy === true }));
  });

cli
  .command('collectstatic', 'Collect static files into staticRoot (hashed, compressed)')
  .option('--clear', 'Delete the existing files in staticRoot first')
  .option('--dry-run', 'Do everything except modify the file system')
  .option('--noinput', 'Do not ask before overwriting (also --no-input)')
  .option('--no-input', 'Same as --noinput')
  .option('--no-post-process', 'Do not hash names or write the manifest')
  .option('--verbosity <level>', '0 silent, 1 summary, 2 every file', { default: 1 })
  .action(
    async (options: {
      app?: string;
      clear?: boolean;
      dryRun?: boolean;
      noinput?: boolean;
      input?: boolean;
      postProcess?: boolean;
      verbosity: number | string;
    }) =>
      finish(
        collectstaticCommand({
          ...pick(options.app),
          clear: options.clear === true,
          dryRun: options.dryRun === true,
          // cac turns --no-input into `input: false` and --no-post-process into `postProcess: false`.
          noinput: options.noinput === true || options.input === false,
          noPostProcess: options.postProcess === false,
          verbosity: Number(options.verbosity),
        }),
      ),
  );

cli
  .command('findstatic <...paths>', 'Find the absolute paths of static files')
  .option('--first', 'Only the first match of each path')
  .option('--verbosity <level>', '0 paths only, 1 sentences, 2 also the searched locations', {
    default: 1,
  })
  .action(
    async (
      paths: string[],
      options: { app?: string; first?: boolean; verbosity: number | string },
    ) =>
      finish(
        findstaticCommand(paths, {
          ...pick(options.app),
          first: options.first === true,
          verbosity: Number(options.verbosity),
        }),
      ),
  );

cli
  .command('clearsessions', 'Remove expired sessions from the configured sessionStore')
  .action(async (options: { app?: string }) => finish(clearsessions(pick(options.app))));

cli
  .command('createcachetable', "Create the tables of the app's database caches")
  .option('--dry-run', 'Print the SQL instead of running it')
  .action(async (options: { app?: string; dryRun?: boolean }) =>
    finish(createcachetable({ ...pick(options.app), dryRun: options.dryRun === true })),
  );

cli
  .command('createsuperuser', 'Create a superuser in the auth_user table (@reins/auth)')
  .option('--username <username>', "The superuser's username")
  .option('--email <email>', "The superuser's email address")
  .option('--noinput', 'Ask nothing (the password comes from REINS_SUPERUSER_PASSWORD)')
  .action(async (options: { app?: string; username?: string; email?: string; noinput?: boolean }) =>
    finish(
      createsuperuser({
        ...pick(options.app),
        ...(options.username === undefined ? {} : { username: String(options.username) }),
        ...(options.email === undefined ? {} : { email: String(options.email) }),
        noinput: options.noinput === true,
      }),
    ),
  );

cli
  .command('changepassword [username]', "Change a user's password (@reins/auth)")
  .action(async (username: string | undefined, options: { app?: string }) =>
    finish(
      changepassword({ ...pick(options.app), ...(username === undefined ? {} : { username }) }),
    ),
  );

registerMigrate(cli, finish);
registerStartapp(cli, finish);
registerTypegen(cli, finish);

cli.help();
cli.version(version);

// One reading for both commands, so `runserver` and `serve` honour the same bound.
function parseShutdownTimeout(value: number | string): number {
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0 || String(value).trim() === '') {
    throw new AddrPortError(
      `--shutdown-timeout must be a number of milliseconds ≥ 0, got '${String(value)}'.`,
    );
  }
  return ms;
}

function pick(app: string | undefined): { app?: string } {
  return app === undefined ? {} : { app };
}

async function finish(code: Promise<number>): Promise<void> {
  const exitCode = await code;
  process.exitCode = exitCode;
}

function report(error: unknown): void {
  if (error instanceof AddrPortError || error instanceof AppLoadError) {
    process.stderr.write(`CommandError: ${error.message}\n`);
  } else {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exitCode = 1;
}

try {
  cli.parse(process.argv, { run: false });
  if (cli.matchedCommand === undefined && cli.args.length > 0) {
    process.stderr.write(`Unknown command: '${cli.args[0]}'. Type 'reins --help' for usage.\n`);
    process.exitCode = 1;
  } else if (
    cli.matchedCommand === undefined &&
    cli.options['help'] !== true &&
    cli.options['version'] !== true
  ) {
    cli.outputHelp();
  } else {
    await Promise.resolve(cli.runMatchedCommand()).catch(report);
  }
} catch (error) {
  report(error);
}
