/**
 * `src/reins-urls.gen.d.ts` (every URL name with its kwargs, for the typed `reverse()` and
 * `redirect()`) is what `reins typegen` writes for the urlconf today: a route changed without
 * running `pnpm typegen` fails here, as it would fail `reins typegen --check` in CI.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const APP = resolve(import.meta.dirname, '..');
const REINS = resolve(APP, '../../packages/server/bin/reins.js');

it('the committed reins-urls.gen.d.ts matches the urlconf', { timeout: 90_000 }, () => {
  const result = spawnSync(process.execPath, [REINS, 'typegen', '--check'], {
    cwd: APP,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('src/reins-urls.gen.d.ts is up to date');
  expect(result.status).toBe(0);
});
