/**
 * Start the demo the way the README does — the app's own `start` script (`reins collectstatic`,
 * then `reins runserver` on the built app) — on 127.0.0.1 with a free port, a scratch database and
 * no reloader, and wait for the "Starting development server at …" line.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  origin: string;
  /** The server process's id (with `--noreload` it is the process serving requests). */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

const appDir = fileURLToPath(new URL('..', import.meta.url));

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const manifest = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const steps = manifest.scripts.start.split(/\s+&&\s+/).map((step) => step.split(/\s+/));
  for (const [command] of steps) {
    if (command !== 'node')
      throw new Error(`apps/greetings "start" should run node; it runs '${command}'.`);
  }
  const [, ...args] = steps.pop()!;
  const scratch = mkdtempSync(join(tmpdir(), 'greetings-'));
  // The steps before the server (collectstatic) run to completion first, as `&&` does.
  for (const [, ...before] of steps) {
    execFileSync(process.execPath, before, {
      cwd: appDir,
      env: { ...process.env, GREETINGS_DB: join(scratch, 'db.sqlite'), ...env },
      stdio: 'pipe',
    });
  }
  const child: ChildProcess = spawn(process.execPath, [...args, '--noreload'], {
    cwd: appDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      GREETINGS_DB: join(scratch, 'db.sqlite'),
      REINS_SECRET_KEY: 'greetings-test-secret-key',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start in 20 s:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Starting development server at (http:\/\/[^/\s]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before starting:\n${output}`));
    });
  });
  return {
    origin,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
