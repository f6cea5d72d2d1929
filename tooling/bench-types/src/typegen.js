// @ts-check
/**
 * Run `reins typegen` (the CLI of `@reins/server`, through its bin) on a generated project, as a
 * project does: it loads `src/urls.ts` and writes `src/reins-urls.gen.d.ts` beside it.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const reins = join(dirname(require.resolve('@reins/server/package.json')), 'bin/reins.js');

/**
 * @param {string} dir the project
 * @returns {number} wall seconds the command took
 */
export function runTypegen(dir) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [reins, 'typegen', '--urlconf', 'src/urls.ts'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`reins typegen failed in ${dir}:\n${run.stdout}\n${run.stderr}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}
