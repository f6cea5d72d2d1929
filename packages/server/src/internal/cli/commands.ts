/**
 * What each `reins` command does, separate from argument parsing (cli.ts) so it can be tested:
 * `runserver` (checks, Django's start-up lines, access log, autoreload), `serve` (production,
 * N worker processes with node:cluster), `show-urls`, `check`, `clearsessions`, and
 * `collectstatic`/`findstatic` (whose work lives in @reins/staticfiles).
 */
import cluster from 'node:cluster';
import { createInterface } from 'node:readline/promises';
import { collectstatic as collect, findstatic as find } from '@reins/staticfiles';
import type { Staticfiles } from '@reins/staticfiles';
import type { App } from '../../create-app.js';
import { formatCheckMessages } from '../../checks.js';
import { runDeployChecks } from '../../deploy-checks.js';
import { describeRoutes, formatRoutes } from '../describe-routes.js';
import type { AddrPort } from './addrport.js';
import { displayHost } from './addrport.js';
import { importApp, locateApp } from './load-app.js';
import type { AppLocation } from './load-app.js';
import { RUN_MAIN_ENV, runWithReloader } from './reloader.js';
import { supervise } from './supervisor.js';
import { DEFAULT_SHUTDOWN_TIMEOUT } from '../node-server.js';

/** Where a command writes; swapped in tests. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

/** Standard output and error. */
export const processIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Django's `%B %d, %Y - %X` start-up date line, in local time. */
export function formatStartupDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${MONTHS[date.getMonth()]} ${pad(date.getDate())}, ${date.getFullYear()} - ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

async function load(appOption: string | undefined): Promise<{ app: App; location: AppLocation }> {
  const location = await locateApp(appOption);
  return { app: await importApp(location), location };
}

/** Run the checks and print them; returns whether any error was found. */
function printChecks(
  app: App,
  io: CommandIo,
  failLevel: 'error' | 'warning' = 'error',
  deploy = false,
): boolean {
  const messages = deploy ? [...app.check(), ...runDeployChecks(app)] : app.check();
  const failing = messages.some(
    (message) =>
      message.level === 'error' || (failLevel === 'warning' && message.level === 'warning'),
  );
  const text = formatCheckMessages(messages);
  if (failing) io.err(`SystemCheckError: ${text}`);
  else io.out(text);
  return failing;
}

/** Options of the `runserver` command. */
export interface RunserverOptions {
  app?: string;
  reload: boolean;
  skipChecks?: boolean;
  version: string;
  /** The graceful-shutdown bound, ms, as `serve --shutdown-timeout`; default 10 000. */
  shutdownTimeout?: number;
}

/** `reins runserver [addrport]`: returns the exit code (or never, while serving). */
export async function runserver(
  where: AddrPort,
  options: RunserverOptions,
  io: CommandIo = processIo,
): Promise<number> {
  if (options.reload && process.env[RUN_MAIN_ENV] !== 'true') {
    await runWithReloader({
      write: (line) => io.out(line),
      ...(options.shutdownTimeout === undefined
        ? {}
        : { shutdownTimeout: options.shutdownTimeout }),
    });
    return 0;
  }
  const { app, location } = await load(options.app);
  if (options.skipChecks !== true) {
    io.out('Performing system checks...\n');
    if (printChecks(app, io)) return 1;
  }
  const server = await app
    .listen({
      host: where.host,
      port: where.port,
      accessLog: true,
      handleSignals: true,
      ...(options.shutdownTimeout === undefined
        ? {}
        : { shutdownTimeout: options.shutdownTimeout }),
    })
    .catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        io.err('Error: That port is already in use.');
        return null;
      }
      if ((error as NodeJS.ErrnoException).code === 'EACCES') {
        io.err("Error: You don't have permission to access that port.");
        return null;
      }
      throw error;
    });
  if (server === null) return 1;
  io.out(formatStartupDate(new Date()));
  io.out(`reins version ${options.version}, using app '${location.path}'`);
  io.out(
    `Starting development server at http://${displayHost({ host: where.host, port: server.address.port })}/`,
  );
  io.out('Quit the server with CONTROL-C.');
  io.out('');
  io.out(
    'WARNING: This is a development server. Do not use it in a production setting. Use `reins serve` instead.',
  );
  return new Promise<number>(() => {
    // Serves until a signal closes the server and exits the process.
  });
}

/** Options of the `serve` command. */
export interface ServeOptions {
  app?: string;
  workers: number;
  shutdownTimeout?: number;
  accessLog?: boolean;
}

/** `reins serve [addrport] --workers N`: a production server on N processes. */
export async function serve(
  where: AddrPort,
  options: ServeOptions,
  io: CommandIo = processIo,
): Promise<number> {
  if (options.workers <= 1) {
    const { app } = await load(options.app);
    const server = await app.listen({
      host: where.host,
      port: where.port,
      handleSignals: true,
      accessLog: options.accessLog ?? false,
      ...(options.shutdownTimeout === undefined
        ? {}
        : { shutdownTimeout: options.shutdownTimeout }),
    });
    io.out(`reins serving at ${server.url} (pid ${process.pid}, 1 process). Quit with CONTROL-C.`);
    return new Promise<number>(() => {});
  }
  if (cluster.isPrimary) {
    // The primary never imports the app (a restart is as fast as one worker's start); a broken
    // app still fails fast: the supervisor exits when the first workers die before listening.
    await locateApp(options.app);
    const done = supervise(
      {
        workers: options.workers,
        shutdownTimeout: options.shutdownTimeout ?? DEFAULT_SHUTDOWN_TIMEOUT,
      },
      io,
    );
    io.out(
      `reins serving at http://${displayHost(where)}/ with ${options.workers} worker processes (primary pid ${process.pid}). Quit with CONTROL-C; reload with SIGHUP.`,
    );
    return done;
  }
  // A worker: SIGHUP is the primary's (a reload); a hang-up of the terminal must not end it.
  process.on('SIGHUP', () => {});
  const { app } = await load(options.app).catch((error: unknown) => {
    // The IPC channel keeps a worker alive: let go of it, so the error ends the process.
    process.disconnect?.();
    throw error;
  });
  await app.listen({
    host: where.host,
    port: where.port,
    handleSignals: true,
    accessLog: options.accessLog ?? false,
    ...(options.shutdownTimeout === undefined ? {} : { shutdownTimeout: options.shutdownTimeout }),
  });
  return new Promise<number>(() => {});
}

/** `reins show-urls`: every pattern with its name and view. */
export async function showUrls(
  options: { app?: string },
  io: CommandIo = processIo,
): Promise<number> {
  const { app } = await load(options.app);
  io.out(formatRoutes(describeRoutes(app)));
  return 0;
}

/** `reins check`: run the system checks; exit code 1 when any reaches the fail level. */
export async function check(
  options: { app?: string; failLevel?: 'error' | 'warning'; deploy?: boolean },
  io: CommandIo = processIo,
): Promise<number> {
  const { app } = await load(options.app);
  return printChecks(app, io, options.failLevel, options.deploy === true) ? 1 : 0;
}

function staticfilesOf(app: App, io: CommandIo): Staticfiles | null {
  const staticfiles = app.settings.staticfiles;
  if (staticfiles === undefined) {
    io.err(
      "CommandError: The app has no 'staticfiles' setting. Add staticfiles: defineStaticfiles({ staticUrl: '/static/', staticRoot: 'staticfiles', staticfilesDirs: ['static'] }) to its settings.",
    );
    return null;
  }
  return staticfiles;
}

/** Options of the `collectstatic` command. */
export interface CollectstaticCommandOptions {
  app?: string;
  clear?: boolean;
  dryRun?: boolean;
  noinput?: boolean;
  verbosity?: number;
  noPostProcess?: boolean;
}

/** `reins collectstatic`: copy the static files into `staticRoot`, hashed and compressed. */
export async function collectstaticCommand(
  options: CollectstaticCommandOptions,
  io: CommandIo = processIo,
): Promise<number> {
  const { app } = await load(options.app);
  const staticfiles = staticfilesOf(app, io);
  if (staticfiles === null) return 1;
  try {
    await collect(staticfiles, {
      clear: options.clear === true,
      dryRun: options.dryRun === true,
      interactive: options.noinput !== true,
      postProcess: options.noPostProcess !== true,
      verbosity: options.verbosity ?? 1,
      log: (line) => io.out(line),
      prompt: async (question) => {
        const readline = createInterface({ input: process.stdin, output: process.stdout });
        try {
          return await readline.question(question);
        } finally {
          readline.close();
        }
      },
    });
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      String(error.code).startsWith('staticfiles.')
    ) {
      io.err(`CommandError: ${error.message}`);
      return 1;
    }
    throw error;
  }
  return 0;
}

/** `reins findstatic <path…>`: where the finders find each path. */
export async function findstaticCommand(
  paths: readonly string[],
  options: { app?: string; first?: boolean; verbosity?: number },
  io: CommandIo = processIo,
): Promise<number> {
  const { app } = await load(options.app);
  const staticfiles = staticfilesOf(app, io);
  if (staticfiles === null) return 1;
  const { lines, errors } = find(staticfiles, paths, {
    first: options.first === true,
    verbosity: options.verbosity ?? 1,
  });
  for (const line of lines) io.out(line);
  for (const line of errors) io.err(line);
  return 0;
}

/** What `clearsessions` needs of the configured `sessionStore` (@reins/sessions' `SessionStore`). */
interface ClearableStore {
  readonly name: string;
  clearExpired?(): unknown;
  close?(): unknown;
}

function configuredSessionStore(app: App): ClearableStore | undefined {
  // The `sessionStore` setting, or one under `extra` (SessionMiddleware reads both).
  const store: unknown = app.settings.sessions.sessionStore ?? app.settings.extra['sessionStore'];
  return typeof store === 'object' && store !== null ? (store as ClearableStore) : undefined;
}

/**
 * `reins clearsessions` (Django's): remove expired sessions from the configured `sessionStore`.
 * Stores that expire sessions by themselves (signed cookies, Redis) have nothing to do.
 */
export async function clearsessions(
  options: { app?: string },
  io: CommandIo = processIo,
): Promise<number> {
  const { app } = await load(options.app);
  const store = configuredSessionStore(app);
  if (store === undefined) {
    // The default store keeps sessions in signed cookies, which expire in the browser.
    return 0;
  }
  try {
    if (typeof store.clearExpired !== 'function') {
      io.err(`The session store '${store.name}' doesn't support clearing expired sessions.`);
      return 0;
    }
    await store.clearExpired();
    return 0;
  } finally {
    // A pool or client left open would keep the command from exiting.
    await store.close?.();
  }
}
