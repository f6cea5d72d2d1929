/**
 * `pnpm bench` (tooling/runtimes): reins against Hono on Bun — Hono's home ground — serving the
 * same routes with the same bytes (bench/targets.ts), over real sockets on loopback, autocannon as
 * the client (in this Node process). Each server runs alone in its own Bun process; the two
 * alternate over BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS (default 5) per route, after a
 * one-second warm-up, and the median requests per second are printed with the ratio per round.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { URL, fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const TARGETS = ['reins', 'hono'] as const;
const ROUTES: Array<[string, string]> = [
  ['page (`/hello/<str:name>/`, a template)', '/hello/ada/'],
  ['JSON (`/api/greetings/<int:n>/`)', '/api/greetings/1/'],
];

function start(target: string): Promise<{ origin: string; stop: () => void }> {
  // The binary itself: node_modules/.bin/bun is a shell script, and killing it would orphan Bun.
  const child = spawn(`${root}node_modules/bun/bin/bun.exe`, ['dist/bench.js'], {
    cwd: root,
    env: { ...process.env, BENCH_TARGET: target },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) resolve({ origin: m[1] ?? '', stop: () => child.kill('SIGKILL') });
    });
    child.once('exit', (code) =>
      reject(new Error(`${target} exited (${String(code)}): ${output}`)),
    );
  });
}

async function load(url: string, duration: number): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  return result.requests.average;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

console.log(
  `reins vs Hono on Bun — ${ROUNDS} round(s) × ${SECONDS} s per route, ${CONNECTIONS} connections, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start`,
);
const rps: Record<string, Record<string, number[]>> = {};
const bodies: Record<string, string> = {};
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? TARGETS : [...TARGETS].reverse();
  for (const target of order) {
    const server = await start(target);
    try {
      for (const [label, path] of ROUTES) {
        const body = await (await fetch(server.origin + path)).text();
        const key = `${label}`;
        if (bodies[key] === undefined) bodies[key] = body;
        else if (bodies[key] !== body) {
          throw new Error(`${target} answers ${path} differently:\n${body}\n${bodies[key]}`);
        }
        await load(server.origin + path, 1);
        ((rps[key] ??= {})[target] ??= []).push(await load(server.origin + path, SECONDS));
      }
    } finally {
      server.stop();
    }
  }
}
console.log('\n| route | reins req/s | Hono req/s | reins / Hono | per round |');
console.log('|---|---|---|---|---|');
for (const [label] of ROUTES) {
  const row = rps[label] ?? {};
  const ours = row['reins'] ?? [];
  const theirs = row['hono'] ?? [];
  const perRound = ours.map((r, i) => (r / (theirs[i] ?? 1)).toFixed(2)).join(' / ');
  console.log(
    `| ${label} | ${median(ours).toFixed(0)} | ${median(theirs).toFixed(0)} | **${(median(ours) / median(theirs)).toFixed(2)}×** | ${perRound} |`,
  );
}
