// @ts-check
/**
 * Run `tsc --noEmit` on a project several times and keep the median of each figure. CPU time
 * (user + sys of the whole process, from GNU time where the machine has it) is the headline: the
 * machines are shared, and wall time grows with whatever else runs, CPU time much less.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? /** @type {number} */ (sorted[mid])
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * @typedef {{ cpu: number; wall: number; check: number; instantiations: number; errors: string[] }} TscRun
 */

/**
 * One tsc run: CPU seconds, wall seconds, tsc's own check time, instantiation count, and the
 * diagnostics it printed (a bench project must type-check cleanly).
 *
 * @param {string} dir
 * @returns {TscRun}
 */
function runOnce(dir) {
  const args = [tsc, '--noEmit', '--extendedDiagnostics', '-p', 'tsconfig.json'];
  const started = process.hrtime.bigint();
  const run = gnuTime
    ? spawnSync(gnuTime, ['-f', 'CPU %U %S', process.execPath, ...args], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      })
    : spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  /** @param {string} label */
  const get = (label) => Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(run.stdout)?.[1] ?? NaN);
  const cpuMatch = /CPU ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  const cpu = cpuMatch ? Number(cpuMatch[1]) + Number(cpuMatch[2]) : wall;
  const errors = run.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
  return { cpu, wall, check: get('Check time'), instantiations: get('Instantiations'), errors };
}

/**
 * The medians of `runs` tsc runs on each project of `dirs`, interleaved (one run of each project
 * per round, after a warm-up round that fills the file system cache and stops a project that
 * does not type-check), so that a change in the machine's load falls on every project alike.
 *
 * @param {string[]} dirs
 * @param {number} runs
 * @returns {TscRun[]} in the order of `dirs`
 */
export function timeTscInterleaved(dirs, runs) {
  const first = dirs.map((dir) => {
    const run = runOnce(dir);
    if (run.errors.length) {
      throw new Error(
        `The generated project in ${dir} does not type-check (${run.errors.length} errors), first:\n${run.errors.slice(0, 5).join('\n')}`,
      );
    }
    return run;
  });
  /** @type {TscRun[][]} */
  const results = dirs.map(() => []);
  for (let i = 0; i < runs; i++) dirs.forEach((dir, d) => results[d]?.push(runOnce(dir)));
  return results.map((list, d) => ({
    cpu: median(list.map((r) => r.cpu)),
    wall: median(list.map((r) => r.wall)),
    check: median(list.map((r) => r.check)),
    instantiations: first[d]?.instantiations ?? NaN,
    errors: [],
  }));
}
