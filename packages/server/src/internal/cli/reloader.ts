/**
 * The dev server's autoreloader, Django's design: a parent process that does nothing but watch
 * files and (re)spawn a child running the real server with `REINS_RUN_MAIN=true`. A change under
 * the watched directory to code, configuration or templates (`.js`, `.ts`, `.json`, `.html`…;
 * node_modules, .git and build caches ignored) stops the child and starts a
 * fresh one, so every module is loaded anew. A child that dies on its own (a syntax error, say)
 * is restarted at the next change.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SHUTDOWN_TIMEOUT } from '../node-server.js';

/** The environment variable that tells a process it is the reloader's child. */
export const RUN_MAIN_ENV = 'REINS_RUN_MAIN';

const IGNORED = /(^|[/\\])(node_modules|\.git|\.turbo|coverage|\.cache)([/\\]|$)/;
// Code, configuration and templates: what a restart can change. Data files (a SQLite database
// and its journal, uploads, logs) are written while the server runs and must not restart it.
const WATCHED = /\.(?:[cm]?[jt]sx?|json|html?|txt|env)$/i;

/** Whether a change to `file` (relative to the watched root) restarts the server. */
export function isWatched(file: string): boolean {
  return WATCHED.test(file) && !IGNORED.test(file);
}

/** Options of {@link runWithReloader}. */
export interface ReloaderOptions {
  /** Directory watched recursively. Default: the working directory. */
  root?: string;
  /** Quiet time after the last change before restarting, ms. Default 150. */
  debounce?: number;
  /** Where status lines go. */
  write?: (line: string) => void;
  /** The child's command line. Default: this process's (same Node flags, script and arguments). */
  argv?: readonly string[];
  /**
   * The child's graceful-shutdown bound, ms (its `shutdownTimeout`, the `--shutdown-timeout` that
   * `serve` takes too). The child is only killed once it has had that long to drain, plus
   * {@link KILL_GRACE}. Default 10 000.
   */
  shutdownTimeout?: number;
}

/** What the child gets beyond its drain bound to cut what is left and exit on its own, ms. */
const KILL_GRACE = 2_000;

/**
 * Run this same command as a child and restart it on file changes; resolves when the parent is
 * told to stop (SIGINT/SIGTERM), after stopping the child.
 */
export function runWithReloader(options: ReloaderOptions = {}): Promise<void> {
  const root = options.root ?? process.cwd();
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const debounce = options.debounce ?? 150;
  const argv = options.argv ?? [...process.execArgv, ...process.argv.slice(1)];
  const killAfter = (options.shutdownTimeout ?? DEFAULT_SHUTDOWN_TIMEOUT) + KILL_GRACE;
  let child: ChildProcess | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  let restarting = false;

  const start = (): void => {
    child = spawn(process.execPath, argv, {
      stdio: 'inherit',
      env: { ...process.env, [RUN_MAIN_ENV]: 'true' },
    });
    const current = child;
    current.once('exit', (code, signal) => {
      if (child === current) child = null;
      if (stopping || restarting) return;
      if (code !== 0 || signal !== null) {
        write(
          `The server stopped (${signal ?? `exit code ${code}`}); waiting for a file change to restart it.`,
        );
      }
    });
  };

  const stopChild = (): Promise<void> =>
    new Promise((resolve) => {
      const current = child;
      if (current === null || current.exitCode !== null || current.signalCode !== null) {
        resolve();
        return;
      }
      // Only a child that outlives its own drain bound is killed: in-flight requests finish.
      const force = setTimeout(() => current.kill('SIGKILL'), killAfter);
      current.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      current.kill('SIGTERM');
    });

  const restart = async (changed: string): Promise<void> => {
    if (stopping) return;
    restarting = true;
    write(`${changed} changed, reloading.`);
    await stopChild();
    restarting = false;
    if (!stopping) start();
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(root, { recursive: true }, (_event, filename) => {
      if (filename === null || !isWatched(filename)) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void restart(join(root, filename));
      }, debounce);
    });
  } catch (error) {
    return Promise.reject(
      new Error(
        `Cannot watch '${root}' for changes (${error instanceof Error ? error.message : String(error)}). Run with --noreload.`,
      ),
    );
  }
  write('Watching for file changes with fs.watch');
  start();

  return new Promise((resolve) => {
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      watcher.close();
      if (timer !== null) clearTimeout(timer);
      void stopChild().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
