/**
 * The machines of the scale-out test, all on loopback: a real PostgreSQL and Redis
 * (@reins/test-servers: Debian's packages, temporary data directories, free ports), the demo's
 * tables made by `reins migrate`, three `reins serve --workers 2` instances on 127.0.0.1,
 * 127.0.0.2 and 127.0.0.3, and HAProxy in front (haproxy.cfg) with round-robin and readiness
 * checks. Everything runs the built code (`packages/server/dist/cli.js`, `apps/greetings/dist`),
 * as production does.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startPostgres, startRedis, type TestServer } from '@reins/test-servers';
import { request } from 'undici';
import { start, type Child } from './processes.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'packages/server/dist/cli.js');
const APP = join(ROOT, 'apps/greetings/dist/app.js');
const HAPROXY = '/usr/sbin/haproxy';
/** How long an instance gets to drain on SIGTERM, ms (`reins serve --shutdown-timeout`). */
const SHUTDOWN_TIMEOUT = 10_000;

/** One `reins serve` instance. */
interface Instance {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  child: Child | undefined;
}

/** Everything started, and how to drive it. */
export interface Cluster {
  /** The balancer's URL. */
  readonly url: string;
  readonly postgres: TestServer;
  readonly redis: TestServer;
  readonly instances: readonly Instance[];
  /** The environment every instance runs with. */
  readonly env: NodeJS.ProcessEnv;
  /** Start (or restart) an instance and wait until it answers its readiness check. */
  startInstance(instance: Instance): Promise<void>;
  /** SIGTERM an instance and wait for it to exit; resolves with its exit code. */
  stopInstance(instance: Instance): Promise<number | string>;
  /** The balancer's view of each server: `UP`, `DOWN`, `MAINT`, … */
  serverStates(): Promise<Record<string, string>>;
  /** Wait until the balancer sees `name` in `state`. */
  waitForState(name: string, state: string, timeout?: number): Promise<void>;
  /** A command of HAProxy's runtime API (`disable server reins/b`). */
  admin(command: string): Promise<string>;
  /** What `reins migrate` printed at start-up. */
  readonly migrateOutput: string;
  /** Run a `reins` command against the demo with the cluster's environment. */
  reins(args: readonly string[]): { status: number | null; output: string };
  close(): Promise<void>;
}

/** Whether the machine can run the test (or why not). */
export function missingPieces(): string | undefined {
  if (!existsSync(HAPROXY)) return `No ${HAPROXY}: apt-get install haproxy.`;
  if (!existsSync(CLI) || !existsSync(APP))
    return `The built CLI and demo are missing (${CLI}, ${APP}): run pnpm test:scale, which builds them.`;
  return undefined;
}

async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  timeout: number,
  detail = () => '',
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline)
      throw new Error(`${what} did not happen within ${timeout} ms.\n${detail()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Start the whole cluster. */
export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'reins-scale-'));
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    // One key for every instance, as a deployment shares SECRET_KEY: sessions sign alike.
    REINS_SECRET_KEY: randomBytes(50).toString('base64url'),
    TRUSTED_PROXIES: '127.0.0.1',
    DATABASE_POOL_SIZE: '4',
    NO_COLOR: '1',
    REINS_DEBUG: '',
  };
  const reins = (args: readonly string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args, '--app', APP], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const instances: Instance[] = ['a', 'b', 'c'].map((name, index) => ({
    name,
    host: `127.0.0.${index + 1}`,
    port: ports[index]!,
    child: undefined,
  }));
  const frontend = `127.0.0.1:${ports[3]}`;
  const socket = join(dir, 'haproxy.sock');
  const config = readFileSync(join(import.meta.dirname, '../haproxy.cfg'), 'utf8')
    .replace('${STATS_SOCKET}', socket)
    .replace('${FRONTEND}', frontend)
    .replace(
      '${SERVERS}',
      instances
        .map((instance) => `    server ${instance.name} ${instance.host}:${instance.port} check`)
        .join('\n'),
    );
  writeFileSync(join(dir, 'haproxy.cfg'), config);

  const admin = (command: string): Promise<string> =>
    new Promise((done, fail) => {
      let answer = '';
      const connection = createConnection(socket, () => connection.end(`${command}\n`));
      connection.on('data', (chunk) => (answer += chunk.toString()));
      connection.on('end', () => done(answer));
      connection.on('error', fail);
    });
  const serverStates = async (): Promise<Record<string, string>> => {
    const csv = await admin('show stat');
    const states: Record<string, string> = {};
    for (const line of csv.split('\n')) {
      const fields = line.split(',');
      if (fields[0] === 'reins' && fields[1] !== 'BACKEND' && fields[1] !== undefined) {
        // Field 17 of `show stat` is the status.
        states[fields[1]] = fields[17] ?? '';
      }
    }
    return states;
  };

  const startInstance = async (instance: Instance): Promise<void> => {
    instance.child = start(
      `instance ${instance.name}`,
      process.execPath,
      [
        CLI,
        'serve',
        `${instance.host}:${instance.port}`,
        '--workers',
        '2',
        '--shutdown-timeout',
        String(SHUTDOWN_TIMEOUT),
        '--app',
        APP,
      ],
      { env: { ...env, REINS_INSTANCE: instance.name } },
    );
    await instance.child.waitFor(/with 2 worker processes/);
    const child = instance.child;
    await waitUntil(
      `instance ${instance.name} ready`,
      async () => {
        const response = await request(`http://${instance.host}:${instance.port}/-/ready/`, {
          headers: { host: 'localhost' },
          reset: true,
        });
        await response.body.dump();
        return response.statusCode === 200;
      },
      30_000,
      () => child.output(),
    );
  };

  const stopInstance = async (instance: Instance): Promise<number | string> => {
    const child = instance.child;
    if (child === undefined) return 'not running';
    // The primary only: it drains its workers, as an orchestrator's SIGTERM does.
    child.process.kill('SIGTERM');
    const code = await child.exited;
    instance.child = undefined;
    return code;
  };

  const waitForState = (name: string, state: string, timeout = 15_000): Promise<void> =>
    waitUntil(
      `HAProxy seeing ${name} ${state}`,
      async () => {
        const current = (await serverStates())[name] ?? '';
        // 'UP 1/2' is an UP server failing its checks: only a plain 'UP' counts.
        return state === 'UP' ? current === 'UP' : current.startsWith(state);
      },
      timeout,
      () => haproxy.output(),
    );

  // Migrations and static files first, as a deploy does, then the instances.
  const migrated = reins(['migrate']);
  if (migrated.status !== 0) throw new Error(`reins migrate failed:\n${migrated.output}`);
  const collected = reins(['collectstatic', '--noinput', '--verbosity', '0']);
  if (collected.status !== 0) throw new Error(`reins collectstatic failed:\n${collected.output}`);
  await Promise.all(instances.map(startInstance));
  const haproxy = start('haproxy', HAPROXY, ['-f', join(dir, 'haproxy.cfg'), '-db']);
  await waitUntil(
    'the HAProxy socket',
    () => Promise.resolve(existsSync(socket)),
    15_000,
    () => haproxy.output(),
  );
  for (const instance of instances) await waitForState(instance.name, 'UP');

  const cluster: Cluster = {
    url: `http://${frontend}`,
    postgres,
    redis,
    instances,
    env,
    startInstance,
    stopInstance,
    serverStates,
    waitForState,
    admin,
    reins,
    migrateOutput: migrated.output,
    async close() {
      haproxy.signal('SIGKILL');
      await Promise.all(
        instances.map(async (instance) => {
          instance.child?.signal('SIGKILL');
          await instance.child?.exited;
        }),
      );
      await Promise.all([postgres.stop(), redis.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
