// @ts-check
import { run } from 'mitata';
import { median } from './stats.js';

/**
 * Run the cases registered with mitata's `bench()` `rounds` times; each case's median time (p50,
 * ns) per round, then the median over the rounds. The median, not the mean: GC pauses land in the
 * tail, and a burst of load on the shared machine in one round must not decide a ratio.
 *
 * @example
 * bench('pako', () => pako.deflate(payload));
 * const p50 = await medianOfRounds(3); // Map { 'pako' => 2310 }
 *
 * @param {number} [rounds] default 3
 * @returns {Promise<Map<string, number>>}
 */
export async function medianOfRounds(rounds = 3) {
  /** @type {Map<string, number[]>} */
  const samples = new Map();
  for (let round = 0; round < rounds; round++) {
    const results = await run({ format: 'quiet' });
    for (const trial of results.benchmarks) {
      const stats = trial.runs[0]?.stats;
      if (stats) samples.set(trial.alias, [...(samples.get(trial.alias) ?? []), stats.p50]);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}
