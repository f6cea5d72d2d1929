/**
 * The `reins` bin is a file that exists before any build, so pnpm links it on a fresh install of
 * the repository; it runs the built CLI when there is one and the source through tsx otherwise.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGE = resolve(import.meta.dirname, '..');

describe('the reins bin', { timeout: 90_000 }, () => {
  it('lists the URLs of an app, built or not', () => {
    const result = spawnSync(
      process.execPath,
      [join(PACKAGE, 'bin/reins.js'), 'show-urls', '--app', 'test/fixtures/app.ts'],
      { cwd: PACKAGE, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^URL +View +Name$/);
  });
});
