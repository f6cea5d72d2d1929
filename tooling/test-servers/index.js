// @ts-check
/**
 * Real servers for tests (never mocks): Debian's `redis-server` and `postgresql`, started on
 * loopback with a free port and a temporary data directory, stopped at the end. A developer without
 * them gets a message saying how to install them (tests skip with it); under CI (`CI=true`)
 * `missingServer()` throws instead, so a CI machine without the packages fails loudly.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL = {
  redis: 'apt-get install redis-server',
  postgres: 'apt-get install postgresql',
};

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {string} name @param {string[]} dirs */
function findBinary(name, dirs) {
  for (const dir of dirs) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

function redisBinary() {
  return findBinary('redis-server', ['/usr/bin', '/usr/local/bin', '/usr/sbin']);
}

/** @param {'redis' | 'postgres'} kind */
export function missingServer(kind) {
  const found = kind === 'redis' ? redisBinary() : postgresBinDir();
  if (found) return undefined;
  const message = `No ${kind} server on this machine; install Debian's package (${INSTALL[kind]}) to run these tests.`;
  if (process.env['CI']) throw new Error(`${message} CI must install it (.ci/run).`);
  return message;
}

/** @param {number} port @param {number} timeoutMs */
async function waitForPort(port, timeoutMs, /** @type {() => string} */ output) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`The server on port ${port} did not start in ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * @param {{ command: string, args: string[], port: number, dir: string, url: string,
 *   uid?: number, gid?: number, ready?: () => Promise<void> }} spec
 */
async function run(spec) {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let output = '';
  const launch = async () => {
    output = '';
    // Its own process group, so kill() ends the server's children too: PostgreSQL's backends
    // outliving a SIGKILLed postmaster keep its shared memory, and the restart then refuses to start.
    child = spawn(spec.command, spec.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      ...(spec.uid === undefined ? {} : { uid: spec.uid, gid: spec.gid }),
    });
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    const exited = new Promise((_, reject) =>
      child?.once('exit', (code) =>
        reject(new Error(`${spec.command} exited (${code}):\n${output}`)),
      ),
    );
    exited.catch(() => {});
    await Promise.race([waitForPort(spec.port, 20_000, () => output), exited]);
    if (spec.ready) await spec.ready();
  };
  const kill = async () => {
    const current = child;
    if (!current || current.exitCode !== null) return;
    await new Promise((resolve) => {
      current.once('exit', resolve);
      try {
        if (current.pid !== undefined) process.kill(-current.pid, 'SIGKILL');
      } catch {
        current.kill('SIGKILL');
      }
    });
    // The group's other members die with it; give the kernel a moment to reap them and release
    // the shared memory before a restart.
    await new Promise((resolve) => setTimeout(resolve, 100));
  };
  await launch();
  return {
    host: '127.0.0.1',
    port: spec.port,
    url: spec.url,
    kill,
    restart: launch,
    async stop() {
      await kill();
      rmSync(spec.dir, { recursive: true, force: true });
    },
  };
}

export async function startRedis() {
  const binary = redisBinary();
  if (!binary) throw new Error(missingServer('redis') ?? 'redis-server missing');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'reins-redis-'));
  return run({
    command: binary,
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
    ],
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
  });
}

export async function startPostgres() {
  const bin = postgresBinDir();
  if (!bin) throw new Error(missingServer('postgres') ?? 'postgres missing');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'reins-postgres-'));
  // PostgreSQL refuses to run as root: as root, run it as the `postgres` user Debian's package creates.
  /** @type {{ uid?: number, gid?: number }} */
  const user = {};
  if (process.getuid?.() === 0) {
    user.uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    user.gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, user.uid, user.gid);
  }
  const data = join(dir, 'data');
  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    { stdio: 'pipe', ...user },
  );
  return run({
    command: join(bin, 'postgres'),
    args: [
      '-D',
      data,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      dir,
      '-F',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    port,
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    ...user,
    // The port opens before the cluster accepts logins; pg_isready says when it does.
    ready: async () => {
      for (let i = 0; i < 200; i += 1) {
        try {
          execFileSync(
            join(bin, 'pg_isready'),
            ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'],
            { stdio: 'ignore' },
          );
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error(`PostgreSQL on port ${port} never became ready.`);
    },
  });
}
