/**
 * Starts the bundled site (dist/) on one runtime, on a free loopback port, and stops it: the
 * runtimes' binaries come from their npm packages (bun, deno, workerd). Each is spawned directly,
 * not through node_modules/.bin, whose shell scripts would leave the runtime running when killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@reins/test-servers';

export type Runtime = 'bun' | 'deno' | 'workerd';

export interface RunningSite {
  origin: string;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const BINARIES: Record<Runtime, string> = {
  bun: 'bun/bin/bun.exe',
  deno: 'deno/deno',
  workerd: 'workerd/bin/workerd',
};
const bin = (name: Runtime): string => `${root}node_modules/${BINARIES[name]}`;

function command(runtime: Runtime, port: number): [string, string[]] {
  switch (runtime) {
    case 'bun':
      return [bin('bun'), ['dist/bun.js']];
    case 'deno':
      // Only the permissions the site needs: its port, a few variables, and its own bundle.
      return [
        bin('deno'),
        [
          'run',
          `--allow-net=127.0.0.1:${port}`,
          // os.tmpdir() (where uploads would spill) reads TMPDIR, TMP or TEMP.
          '--allow-env=PORT,TMPDIR,TMP,TEMP',
          `--allow-read=${root}`,
          '--no-prompt',
          'dist/deno.js',
        ],
      ];
    case 'workerd':
      return [
        bin('workerd'),
        ['serve', 'site/workerd.capnp', '--socket-addr', `http=127.0.0.1:${port}`],
      ];
  }
}

const STARTUP_MS = 20_000;

/** Start the site on `runtime`; resolves once it listens (its start-up line is printed). */
export async function serveOn(runtime: Runtime): Promise<RunningSite> {
  const port = await freePort();
  const [file, args] = command(runtime, port);
  const child = spawn(file, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${runtime} did not start within ${STARTUP_MS} ms:\n${output}`));
    }, STARTUP_MS);
    const check = (): void => {
      if (/listening on http:\/\/127\.0\.0\.1:\d+/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${runtime} exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}
