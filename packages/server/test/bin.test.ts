/**
 * The `reins` bin is a file that exists before any build, so pnpm links it on a fresh install of
 * the repository; it runs the built CLI when there is one and the source through tsx otherwise.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGE = resolve(import.meta.dirname, '..');

describe('the reins bin', { timeout: 90_000 }, () => {
  // Loading an app is the CLI's own test (cli.test.ts); this one runs the bin itself, whichever
  // build state the checkout is in (a dist/ built before the sources changed would load old code).
  it('runs the reins command, built or not', () => {
    const result = spawnSync(process.execPath, [join(PACKAGE, 'bin/reins.js'), '--help'], {
      cwd: PACKAGE,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^reins\/\d+\.\d+\.\d+/);
    expect(result.stdout).toContain('show-urls');
    expect(result.stdout).toContain('migrate');
    expect(result.stdout).toContain('startapp <name> [directory]');
  });
});
