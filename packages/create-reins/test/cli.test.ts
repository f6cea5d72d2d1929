/**
 * The `create-reins` command as a process, without a terminal (so it asks nothing): flags, the
 * refusal to write into a non-empty directory, and what it prints next.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const PACKAGE = resolve(import.meta.dirname, '..');
const TSX = pathToFileURL(createRequire(join(PACKAGE, 'package.json')).resolve('tsx')).href;
const dir = mkdtempSync(join(tmpdir(), 'create-reins-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function create(args: string[]) {
  return spawnSync(process.execPath, ['--import', TSX, join(PACKAGE, 'src/cli.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20' },
  });
}

describe('create-reins', { timeout: 90_000 }, () => {
  it('writes the project, with the package manager running it, and says what is next', () => {
    const result = create(['site', '--no-install']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Created site \(\d+ files\)\./);
    expect(result.stdout).toContain('  cd site\n  pnpm install\n  pnpm dev\n');
    expect(existsSync(join(dir, 'site/src/app.ts'))).toBe(true);
  });

  it('refuses a non-empty directory without --force', () => {
    mkdirSync(join(dir, 'taken'));
    writeFileSync(join(dir, 'taken/keep.txt'), 'mine');
    const refused = create(['taken', '--yes', '--no-install', '--pm', 'npm']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      "create-reins: The directory 'taken' is not empty. Choose a new name, or pass --force to write into it (files of the same names are replaced).\n",
    );
    const forced = create(['taken', '--yes', '--no-install', '--pm', 'npm', '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('  npm install\n  npm run dev\n');
  });

  it('names a bad --pm', () => {
    const result = create(['other', '--pm', 'yarn', '--no-install']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("create-reins: --pm takes npm or pnpm, not 'yarn'.\n");
  });
});
