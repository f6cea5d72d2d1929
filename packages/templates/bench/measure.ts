/**
 * Timing helpers shared by the interleaved and the own-process measurements: CPU time (what load
 * from other processes does not dilute), wall-clock time, and medians over rounds.
 */

/** Milliseconds of CPU time this process has used (all threads, user + system). */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface Rate {
  /** Calls per second of CPU time: what load from other processes does not dilute. */
  cpu: number;
  /** Calls per second of wall-clock time. */
  wall: number;
}

/** Calls per second of `fn` over one timed sample (at least `sampleMs` of CPU time). */
function sample(fn: () => unknown, sampleMs: number): Rate {
  let count = 0;
  const wallStart = performance.now();
  const cpuStart = cpuMs();
  let cpu = 0;
  while (cpu < sampleMs) {
    for (let i = 0; i < 10; i++) fn();
    count += 10;
    cpu = cpuMs() - cpuStart;
  }
  const wall = performance.now() - wallStart;
  return { cpu: (count / cpu) * 1000, wall: (count / wall) * 1000 };
}

export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const medianRate = (rates: Rate[]): Rate => ({
  cpu: median(rates.map((r) => r.cpu)),
  wall: median(rates.map((r) => r.wall)),
});

/**
 * Median calls per second of each function. Samples are interleaved (one sample of each
 * contender per round) so that load changes on a shared machine hit every contender alike.
 */
export function measureAll(fns: (() => unknown)[], sampleMs: number, rounds: number): Rate[] {
  for (const fn of fns) for (let i = 0; i < 200; i++) fn();
  const rates: Rate[][] = fns.map(() => []);
  for (let round = 0; round < rounds; round++)
    fns.forEach((fn, i) => rates[i]!.push(sample(fn, sampleMs)));
  return rates.map(medianRate);
}
