/**
 * `pnpm soak`: a bounded endurance run on loopback — SOAK_SECONDS (default 60) at
 * SOAK_CONNECTIONS (default 100) connections against reins serving a small page through
 * Security + Common + XFrameOptions middleware, in a child process. Reports errors, latency
 * percentiles and the server's resident memory after a warm-up and at the end. Goals: 0 errors,
 * resident memory growth under 10 %. Not part of the default test run.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startTarget } from './targets.js';

const SECONDS = Number(process.env['SOAK_SECONDS'] ?? 60);
const CONNECTIONS = Number(process.env['SOAK_CONNECTIONS'] ?? 100);
const WARMUP_SECONDS = 5;

async function child(): Promise<void> {
  const port = await startTarget('reins+mw');
  process.on('message', (message: { memory?: boolean }) => {
    if (message.memory === true) {
      globalThis.gc?.();
      process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
    }
  });
  process.send?.({ ready: port });
}

function run(url: string, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration }, (error, result) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- autocannon's own error, passed on
      if (error) reject(error);
      else resolve(result);
    });
  });
}

async function main(): Promise<void> {
  const proc = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) => {
    const onMessage = (message: { ready?: number }): void => {
      if (typeof message.ready === 'number') {
        proc.off('message', onMessage);
        resolve(message.ready);
      }
    };
    proc.on('message', onMessage);
  });
  const memory = (): Promise<{ rss: number; heapUsed: number }> =>
    new Promise((resolve) => {
      const onMessage = (message: { rss?: number; heapUsed?: number }): void => {
        if (typeof message.rss === 'number') {
          proc.off('message', onMessage);
          resolve({ rss: message.rss, heapUsed: message.heapUsed ?? 0 });
        }
      };
      proc.on('message', onMessage);
      proc.send({ memory: true });
    });
  const url = `http://127.0.0.1:${port}/hello/`;
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  try {
    console.log(
      `soak: GET /hello/ with Security + Common + XFrameOptions, ${CONNECTIONS} connections, ${SECONDS} s (Node ${process.version})`,
    );
    await run(url, WARMUP_SECONDS);
    const before = await memory();
    console.log(
      `  after ${WARMUP_SECONDS} s warm-up: rss ${mb(before.rss)}, heap ${mb(before.heapUsed)}`,
    );
    const result = await run(url, SECONDS);
    const after = await memory();
    const growth = ((after.rss - before.rss) / before.rss) * 100;
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `  requests: ${result.requests.total} (${Math.round(result.requests.average)} req/s mean)`,
    );
    console.log(
      `  errors: ${result.errors}  timeouts: ${result.timeouts}  non-2xx: ${result.non2xx}`,
    );
    console.log(
      `  latency ms: p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  p99.9 ${result.latency.p99_9}  max ${result.latency.max}`,
    );
    console.log(`  after run: rss ${mb(after.rss)}, heap ${mb(after.heapUsed)}`);
    console.log(
      `  resident memory growth: ${growth.toFixed(1)} % (goal < 10 %: ${growth < 10 ? 'met' : 'NOT met'})`,
    );
    console.log(`  errors goal (0): ${errors === 0 ? 'met' : 'NOT met'}`);
    if (errors > 0 || growth >= 10) process.exitCode = 1;
  } finally {
    proc.kill('SIGKILL');
  }
}

if (process.argv[2] === '--serve') await child();
else await main();
