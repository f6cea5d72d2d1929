// @ts-check
import { bench, do_not_optimize, run } from 'mitata';

/**
 * Time groups of cases with mitata and print each case's mean against the first case of its group
 * (the floor: the hand-written way of doing the same work), for packages that have no JavaScript
 * peer to compare with.
 *
 * @example
 * await benchGroups('@reins/views — per request', [
 *   ['a template view', [['function view', () => view(request)], ['TemplateView', () => tv(request)]]],
 * ]);
 *
 * @param {string} title
 * @param {Array<[string, Array<[string, () => unknown]>]>} groups
 * @returns {Promise<void>}
 */
export async function benchGroups(title, groups) {
  for (const [, cases] of groups)
    for (const [name, fn] of cases) bench(name, async () => do_not_optimize(await fn()));
  const results = await run({ format: 'quiet' });
  /** @type {Map<string, number>} */
  const averages = new Map();
  for (const trial of results.benchmarks) {
    const stats = trial.runs[0]?.stats;
    if (stats) averages.set(trial.alias, stats.avg);
  }
  console.log(title);
  for (const [group, cases] of groups) {
    const floorName = cases[0]?.[0] ?? '';
    const floor = averages.get(floorName) ?? NaN;
    console.log(`\n${group}`);
    for (const [name] of cases) {
      const avg = averages.get(name) ?? NaN;
      const mark = name === floorName ? '(floor)' : '';
      console.log(
        `  ${name.padEnd(40)} ${(avg / 1000).toFixed(2).padStart(8)} µs   ${(avg / floor).toFixed(2)}× ${mark}`,
      );
    }
  }
}
