/**
 * `pnpm bench`: requests per second over real sockets on loopback for one small HTML route,
 * reins against raw `node:http`, Fastify, Hono and Express — and reins again with Security +
 * Common + XFrameOptions middleware. Each server runs alone in a child process pinned to one core
 * (`taskset -c 1`) while this process, the autocannon client, is pinned to the other (`taskset -c
 * 0`), so server and client never fight over a core; targets alternate over several rounds and
 * the median is reported, then the ratios the issue sets goals for — each round's own ratio, the
 * median over rounds and their range — both as req/s and as server CPU time per request (robust
 * to other load on the machine). Bounded: BENCH_SECONDS (default 5) per target per round,
 * BENCH_ROUNDS (default 5) rounds. Without taskset (or with BENCH_PIN=0) nothing is pinned.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { canPin } from '@reins/bench-tools';
import autocannon from 'autocannon';
import { handlerOverhead } from './handler-overhead.js';
import { writePath } from './write-path.js';
import { DIAGNOSTIC_TARGETS, startTarget, TARGETS } from './targets.js';
import type { TargetName } from './targets.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const WARMUP_SECONDS = 1;
// BENCH_TARGETS=raw,reins runs a subset (ratios needing a missing target are skipped).
const SELECTED: readonly TargetName[] = process.env['BENCH_TARGETS']
  ? [...TARGETS, ...DIAGNOSTIC_TARGETS].filter((name) =>
      process.env['BENCH_TARGETS']!.split(',').includes(name),
    )
  : TARGETS;

async function child(): Promise<void> {
  const name = process.argv[3] as TargetName;
  const port = await startTarget(name);
  process.on('message', (message: { cpu?: boolean }) => {
    if (message.cpu === true) process.send?.({ usage: process.cpuUsage() });
  });
  process.send?.({ ready: port });
}

// Pins this process (the autocannon client) to core 0 as a side effect.
const PINNED = process.argv[2] === '--serve' ? false : canPin();

function spawnTarget(name: TargetName): Promise<{ proc: ChildProcess; port: number }> {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--serve', name];
  const proc = PINNED
    ? spawn('taskset', ['-c', '1', process.execPath, ...args], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
    : spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('message', (message: { ready?: number }) => {
      if (typeof message.ready === 'number') resolve({ proc, port: message.ready });
    });
    proc.once('exit', (code) => reject(new Error(`target ${name} exited early with code ${code}`)));
  });
}

function run(url: string, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1 }, (error, result) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- autocannon's own error, passed on
      if (error) reject(error);
      else resolve(result);
    });
  });
}

interface Sample {
  rps: number;
  p99: number;
  errors: number;
  /** Server CPU time (user + system) per request, µs: robust to a busy machine, unlike req/s. */
  cpu: number;
}

function cpuOf(proc: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { usage?: NodeJS.CpuUsage }): void => {
      if (message.usage === undefined) return;
      proc.off('message', onMessage);
      resolve(message.usage.user + message.usage.system);
    };
    proc.on('message', onMessage);
    proc.send({ cpu: true });
  });
}

async function measure(name: TargetName): Promise<Sample> {
  const { proc, port } = await spawnTarget(name);
  try {
    const url = `http://127.0.0.1:${port}/hello/`;
    const probe = await fetch(url);
    const text = await probe.text();
    if (probe.status !== 200 || !text.includes('Hello, world!')) {
      throw new Error(`target ${name} answered ${probe.status} ${text.slice(0, 120)}`);
    }
    await run(url, WARMUP_SECONDS);
    const before = await cpuOf(proc);
    const result = await run(url, SECONDS);
    const after = await cpuOf(proc);
    return {
      rps: result.requests.average,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      cpu: (after - before) / Math.max(1, result.requests.total),
    };
  } finally {
    proc.removeAllListeners('exit');
    proc.kill('SIGKILL');
    await new Promise((resolve) => proc.once('exit', resolve));
  }
}

async function main(): Promise<void> {
  console.log(
    `reins server benchmark: GET /hello/ over loopback, ${CONNECTIONS} connections, ${SECONDS} s per target per round, ${ROUNDS} rounds (Node ${process.version})`,
  );
  console.log(
    PINNED
      ? '  servers pinned to core 1 (taskset -c 1), autocannon to core 0'
      : '  not pinned (taskset unavailable or BENCH_PIN=0)',
  );
  const load = (): string =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' ');
  console.log(`  load average at start: ${load()}`);
  const samples = new Map<TargetName, Sample[]>();
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order each round so drift (thermal, other load) does not favour one target.
    const order = round % 2 === 0 ? SELECTED : [...SELECTED].reverse();
    for (const name of order) {
      const sample = await measure(name);
      const list = samples.get(name) ?? [];
      list.push(sample);
      samples.set(name, list);
      console.log(
        `  round ${round + 1}  ${name.padEnd(12)} ${Math.round(sample.rps).toString().padStart(7)} req/s  p99 ${sample.p99} ms  server CPU ${sample.cpu.toFixed(1)} µs/req  errors ${sample.errors}`,
      );
    }
  }
  console.log(`  load average at end: ${load()}`);
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const rps = (name: TargetName): number =>
    median((samples.get(name) ?? []).map((sample) => sample.rps));
  const cpu = (name: TargetName): number =>
    median((samples.get(name) ?? []).map((sample) => sample.cpu));
  console.log('\nmedian requests per second, and median server CPU per request');
  for (const name of SELECTED) {
    console.log(
      `  ${name.padEnd(12)} ${Math.round(rps(name)).toString().padStart(7)} req/s  ${cpu(name).toFixed(1).padStart(5)} µs/req`,
    );
  }
  // Each ratio is taken within a round (its targets run back to back), then the median over
  // rounds: drift between rounds (other load, the VM's neighbours) cancels out of each round's
  // ratio. The range shows how far single rounds strayed.
  const paired = (a: TargetName, b: TargetName, of: (x: Sample, y: Sample) => number): number[] => {
    const first = samples.get(a) ?? [];
    const second = samples.get(b) ?? [];
    return first.map((sample, index) => of(sample, second[index]!));
  };
  const goalLine = (a: TargetName, b: TargetName, goal: number, values: number[]): string => {
    const label = `${a} / ${b}`.padEnd(22);
    if (values.length === 0) return `  ${label} (not run)`;
    const value = median(values);
    const range = `[${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}]`;
    return `  ${label} ${value.toFixed(2)}× ${range}  (goal ≥ ${goal.toFixed(1)}×: ${value >= goal ? 'met' : 'NOT met'})`;
  };
  const both = (a: TargetName, b: TargetName): boolean =>
    SELECTED.includes(a) && SELECTED.includes(b);
  const byRps = (x: Sample, y: Sample): number => x.rps / y.rps;
  // Per-core capacity: the inverse of CPU time per request.
  const byCpu = (x: Sample, y: Sample): number => y.cpu / x.cpu;
  const rpsRatio = (a: TargetName, b: TargetName, goal: number): string =>
    goalLine(a, b, goal, both(a, b) ? paired(a, b, byRps) : []);
  const cpuRatio = (a: TargetName, b: TargetName, goal: number): string =>
    goalLine(a, b, goal, both(a, b) ? paired(a, b, byCpu) : []);
  console.log(
    "\nratios (requests per second): median of the rounds' ratios [lowest–highest round]",
  );
  console.log(rpsRatio('reins', 'fastify', 1.0));
  console.log(rpsRatio('reins', 'raw', 0.9));
  console.log(rpsRatio('reins+mw', 'raw', 0.8));
  console.log(rpsRatio('reins-cached', 'raw', 0.9));
  // The same comparisons as throughput a single core could reach: 1 / CPU time per request.
  console.log('\nratios (per-core capacity: inverse server CPU per request), as above');
  console.log(cpuRatio('reins', 'fastify', 1.0));
  console.log(cpuRatio('reins', 'raw', 0.9));
  console.log(cpuRatio('reins+mw', 'raw', 0.8));
  console.log(cpuRatio('reins-cached', 'raw', 0.9));
  for (const peer of ['hono', 'express'] as const) {
    if (both('reins', peer)) {
      const value = median(paired('reins', peer, byCpu));
      console.log(`  ${`reins / ${peer}`.padEnd(22)} ${value.toFixed(2)}×`);
    }
  }
  if (both('reins-async', 'raw')) {
    const value = median(paired('reins-async', 'raw', byCpu)).toFixed(2);
    console.log(
      `  ${'reins-async / raw'.padEnd(22)} ${value}×  (an async view: request context on)`,
    );
  }
  await handlerOverhead();
  await writePath();
  const errors = [...samples.values()].flat().reduce((sum, sample) => sum + sample.errors, 0);
  if (errors > 0) {
    console.log(`\n${errors} errors/non-2xx responses during the run`);
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--serve') await child();
else await main();
