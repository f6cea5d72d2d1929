/**
 * Long-running child processes of the scale-out test: each in its own process group (so `kill -9`
 * of an instance ends its primary and workers alike), its output kept for the failure message,
 * and waits on its own output instead of fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** A started process. */
export interface Child {
  readonly process: ChildProcess;
  readonly name: string;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolve when `pattern` appears in the output; reject after `timeout` ms or on exit. */
  waitFor(pattern: RegExp, timeout?: number): Promise<void>;
  /** The exit code (or signal), once it has exited. */
  readonly exited: Promise<number | string>;
  /** Signal the whole process group. */
  signal(signal: NodeJS.Signals): void;
}

const running = new Set<Child>();

/** Start `command` in its own process group. */
export function start(
  name: string,
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer): void => {
    text += chunk.toString();
    // Keep the tail: a long load writes many lines.
    if (text.length > 200_000) text = text.slice(-100_000);
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(handle);
      resolve(code ?? signal ?? 'unknown');
      for (const listener of listeners) listener();
    });
  });
  const handle: Child = {
    process: child,
    name,
    output: () => text,
    exited,
    signal(signal) {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    },
    waitFor(pattern, timeout = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(text)) finish();
          else if (child.exitCode !== null || child.signalCode !== null) {
            finish(new Error(`${name} exited before printing ${pattern}:\n${text.slice(-4000)}`));
          }
        };
        const timer = setTimeout(
          () =>
            finish(
              new Error(`${name} did not print ${pattern} in ${timeout} ms:\n${text.slice(-4000)}`),
            ),
          timeout,
        );
        function finish(error?: Error): void {
          clearTimeout(timer);
          listeners.delete(check);
          if (error === undefined) resolve();
          else reject(error);
        }
        listeners.add(check);
        check();
      });
    },
  };
  running.add(handle);
  return handle;
}

/** SIGKILL every process group still running (the test's last resort, in afterAll). */
export function killAll(): void {
  for (const child of running) child.signal('SIGKILL');
}
