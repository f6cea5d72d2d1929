/**
 * `pnpm bench` (tooling/runtimes): reins against Hono on Bun — Hono's home ground — serving the
 * same routes with the same bytes (bench/targets.ts), over real sockets on loopback, autocannon as
 * the client (in this Node process). Each server runs alone in its own Bun process; the two
 * alternate over BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS (default 5) per route, after a
 * one-second warm-up, and the medians are printed with the ratio per round: requests per second,
 * and (on Linux, from /proc) the server process's CPU time per request. On a shared machine the
 * second is the steadier figure: requests per second also measure the client's share of the CPU.
 * BENCH_PIPELINING (default 1) sends that many requests per connection at once, so the server
 * rather than the client is the bottleneck.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { URL, fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const PIPELINING = Number(process.env['BENCH_PIPELINING'] ?? 1);
const TARGETS = ['reins', 'hono'] as const;
const ROUTES: Array<[string, string]> = [
  ['page (`/hello/<str:name>/`, a template)', '/hello/ada/'],
  ['JSON (`/api/greetings/<int:n>/`)', '/api/greetings/1/'],
];

interface Server {
  origin: string;
  /** The process's CPU time so far (user + system), in seconds; null where /proc is missing. */
  cpuSeconds: () => number | null;
  stop: () => void;
}

/** User + system time of process `pid` from /proc (fields 14 and 15, in clock ticks of 10 ms). */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function start(target: string): Promise<Server> {
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
      if (m) {
        resolve({
          origin: m[1] ?? '',
          cpuSeconds: () => cpuSeconds(child.pid),
          stop: () => child.kill('SIGKILL'),
        });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`${target} exited (${String(code)}): ${output}`)),
    );
  });
}

interface Measure {
  rps: number;
  /** Server CPU microseconds per request, or NaN without /proc. */
  cpu: number;
}

async function load(server: Server, path: string, duration: number): Promise<Measure> {
  const url = server.origin + path;
  const before = server.cpuSeconds();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: PIPELINING,
    duration,
  });
  const after = server.cpuSeconds();
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  const cpu =
    before === null || after === null ? NaN : ((after - before) * 1e6) / result.requests.total;
  return { rps: result.requests.average, cpu };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

console.log(
  `reins vs Hono on Bun — ${ROUNDS} round(s) × ${SECONDS} s per route, ${CONNECTIONS} connections × ${PIPELINING} pipelined, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start`,
);
const runs: Record<string, Record<string, Measure[]>> = {};
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
        await load(server, path, 1);
        ((runs[key] ??= {})[target] ??= []).push(await load(server, path, SECONDS));
      }
    } finally {
      server.stop();
    }
  }
}
const ratio = (a: number, b: number): string => (a / b).toFixed(2);
console.log(
  '\n| route | reins req/s | Hono req/s | reins / Hono | per round | reins CPU µs/req | Hono CPU µs/req | Hono / reins CPU | per round |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [label] of ROUTES) {
  const row = runs[label] ?? {};
  const ours = row['reins'] ?? [];
  const theirs = row['hono'] ?? [];
  const rps = (list: Measure[]): number[] => list.map((m) => m.rps);
  const cpu = (list: Measure[]): number[] => list.map((m) => m.cpu);
  const rpsRounds = ours.map((m, i) => ratio(m.rps, theirs[i]?.rps ?? NaN)).join(' / ');
  const cpuRounds = ours.map((m, i) => ratio(theirs[i]?.cpu ?? NaN, m.cpu)).join(' / ');
  const [ourCpu, theirCpu] = [median(cpu(ours)), median(cpu(theirs))];
  console.log(
    `| ${label} | ${median(rps(ours)).toFixed(0)} | ${median(rps(theirs)).toFixed(0)} | **${ratio(median(rps(ours)), median(rps(theirs)))}×** | ${rpsRounds} | ${ourCpu.toFixed(1)} | ${theirCpu.toFixed(1)} | **${ratio(theirCpu, ourCpu)}×** | ${cpuRounds} |`,
  );
}
