// @ts-check
/**
 * The instructions `tsc --noEmit` executes on a project, counted by valgrind (cachegrind without
 * its cache simulation). On the shared 2-core machine the CPU seconds of one project move by
 * ±20% from run to run, this count by under 1% (the 1,000-route project: 18.68 G and 18.81 G), so
 * a change worth a few percent of the types' cost can be told from the noise. V8 runs
 * single-threaded with a predictable GC schedule, so that the count does not follow the timing.
 * A run takes 30–50 times as long as a plain one: meant for the 1,000-route size.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/lib/tsc.js');
const valgrind = '/usr/bin/valgrind';

/** Whether valgrind is installed where this looks for it. */
export const canCountInstructions = existsSync(valgrind);

/**
 * @param {string} dir the project
 * @returns {number} the instructions executed in user space, NaN when valgrind printed none
 */
export function countInstructions(dir) {
  const run = spawnSync(
    valgrind,
    [
      '--tool=cachegrind',
      '--cache-sim=no',
      '--cachegrind-out-file=/dev/null',
      process.execPath,
      '--single-threaded',
      '--predictable-gc-schedule',
      tsc,
      '--noEmit',
      '-p',
      'tsconfig.json',
    ],
    { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const match = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '');
  return match ? Number(match[1]?.replaceAll(',', '')) : NaN;
}
