/**
 * `pnpm bench:interleaved`: the server CPU each target spends per request, with every target's
 * server started once and kept running while short load slices alternate between them (round r
 * runs each target for BENCH_SLICE seconds, the order reversed every other round). On a machine
 * shared with other work, per-process figures swing from one spawn to the next and load drifts
 * within seconds; slices a few seconds apart see the same load, so each round's ratio is taken
 * between neighbours and the median over BENCH_ROUNDS rounds is reported with its range.
 * Pinning as in index.ts (servers on core 1, this process and autocannon on core 0).
 */
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { canPin, loadTest, median, serverCpu, spawnServer, stopServer } from '@reins/bench-tools';
import type { ChildProcess } from 'node:child_process';
import { DIAGNOSTIC_TARGETS, TARGETS } from './targets.js';
import type { TargetName } from './targets.js';

const SLICE = Number(process.env['BENCH_SLICE'] ?? 2);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const ALL: readonly TargetName[] = [...TARGETS, ...DIAGNOSTIC_TARGETS];
const SELECTED: readonly TargetName[] = (
  process.env['BENCH_TARGETS'] ?? 'raw,reins,reins+mw,reins-cached'
)
  .split(',')
  .filter((name): name is TargetName => (ALL as readonly string[]).includes(name));

// Which ratio each target is judged by, and its goal (issues #16 and #21).
const PAIRS: readonly [TargetName, TargetName, number][] = [
  ['reins', 'raw', 0.9],
  ['reins+mw', 'raw', 0.85],
  ['reins-cached', 'raw', 0.9],
  ['reins+mw', 'raw-mw-headers', 0.9],
  ['reins-cached', 'raw-cached-headers', 0.9],
  ['reins-cached', 'reins-cached-headers', 0],
  ['reins-cached-headers', 'raw-cached-headers', 0],
  ['raw-mw-headers', 'raw', 0],
  ['raw-cached-headers', 'raw', 0],
];

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const pinned = canPin();
  const script = fileURLToPath(new URL('./index.ts', import.meta.url));
  console.log(
    `reins server benchmark, interleaved: GET /hello/, ${CONNECTIONS} connections, ${SLICE} s slices, ${ROUNDS} rounds, servers kept running (Node ${process.version})`,
  );
  console.log(`  ${pinned ? 'servers on core 1, autocannon on core 0' : 'not pinned'}`);
  console.log(`  load average at start: ${load()}`);
  const servers = new Map<TargetName, { proc: ChildProcess; url: string }>();
  try {
    for (const name of SELECTED) {
      const { proc, port } = await spawnServer(script, ['--serve', name], pinned);
      const url = `http://127.0.0.1:${port}/hello/`;
      servers.set(name, { proc, url });
      await loadTest(url, { connections: CONNECTIONS, duration: 2 });
    }
    const samples = new Map<TargetName, number[]>(SELECTED.map((name) => [name, []]));
    let errors = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? SELECTED : [...SELECTED].reverse();
      const line: string[] = [];
      for (const name of order) {
        const { proc, url } = servers.get(name)!;
        const before = await serverCpu(proc);
        const result = await loadTest(url, { connections: CONNECTIONS, duration: SLICE });
        const after = await serverCpu(proc);
        errors += result.errors + result.timeouts + result.non2xx;
        const cpu = (after - before) / Math.max(1, result.requests.total);
        samples.get(name)!.push(cpu);
        line.push(`${name} ${cpu.toFixed(1)}`);
      }
      console.log(`  round ${String(round + 1).padStart(2)}  µs/req: ${line.join('  ')}`);
    }
    console.log(`  load average at end: ${load()}`);
    console.log('\nmedian server CPU per request');
    for (const name of SELECTED) {
      console.log(`  ${name.padEnd(20)} ${median(samples.get(name)!).toFixed(1).padStart(5)} µs`);
    }
    console.log(
      "\nper-core capacity ratios (inverse CPU per request): median of the rounds' ratios [range]",
    );
    for (const [a, b, goal] of PAIRS) {
      const first = samples.get(a);
      const second = samples.get(b);
      if (first === undefined || second === undefined) continue;
      const ratios = first.map((cpu, index) => second[index]! / cpu);
      const value = median(ratios);
      const range = `[${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}]`;
      const verdict = goal > 0 ? `  (goal ≥ ${goal}×: ${value >= goal ? 'met' : 'NOT met'})` : '';
      console.log(`  ${`${a} / ${b}`.padEnd(36)} ${value.toFixed(2)}× ${range}${verdict}`);
    }
    if (errors > 0) {
      console.log(`\n${errors} errors/non-2xx responses during the run`);
      process.exitCode = 1;
    }
  } finally {
    for (const { proc } of servers.values()) await stopServer(proc);
  }
}

await main();
