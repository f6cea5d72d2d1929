/**
 * The `create-reins` command in a terminal: it asks for the project name and the package manager.
 * A real pseudo-terminal comes from util-linux's `script` (Debian's bsdutils, always installed);
 * the answers are typed into it as a user would.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const PACKAGE = resolve(import.meta.dirname, '..');
const TSX = pathToFileURL(createRequire(join(PACKAGE, 'package.json')).resolve('tsx')).href;
const dir = mkdtempSync(join(tmpdir(), 'create-reins-tty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Run the command in a pseudo-terminal, typing each answer once its question is on screen. */
function inTerminal(args: string[], answers: [RegExp, string][]): Promise<string> {
  const command = [process.execPath, '--import', TSX, join(PACKAGE, 'src/cli.ts'), ...args]
    .map((part) => `'${part.replaceAll("'", "'\\''")}'`)
    .join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: dir,
    env: { ...process.env, npm_config_user_agent: 'npm/10 node/v20' },
  });
  let screen = '';
  // Each question is looked for in what came after the previous answer.
  let from = 0;
  const pending = [...answers];
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no exit within 60 s; the screen:\n${screen}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      const next = pending[0];
      if (next !== undefined && next[0].test(screen.slice(from))) {
        pending.shift();
        from = screen.length;
        child.stdin.write(`${next[1]}\r`);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) done(screen);
      else fail(new Error(`exit ${String(code)}; the screen:\n${screen}`));
    });
  });
}

describe.skipIf(!hasScript)('create-reins in a terminal', { timeout: 90_000 }, () => {
  it('asks for the name and the package manager, and uses the answers', async () => {
    const screen = await inTerminal(
      ['--no-install'],
      [
        [/Project name \(mysite\): /, 'asked-site'],
        [/Package manager, npm or pnpm \(npm\): /, 'pnpm'],
      ],
    );
    expect(screen).toMatch(/Created asked-site \(\d+ files\)\./);
    expect(screen).toContain('pnpm dev');
    expect(existsSync(join(dir, 'asked-site/src/app.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'asked-site/package.json'), 'utf8')).toContain(
      '"name": "asked-site"',
    );
  });

  it('takes the defaults on empty answers', async () => {
    const screen = await inTerminal(
      ['--no-install'],
      [
        [/Project name \(mysite\): /, ''],
        [/Package manager, npm or pnpm \(npm\): /, ''],
      ],
    );
    expect(screen).toMatch(/Created mysite \(\d+ files\)\./);
    expect(screen).toContain('npm run dev');
  });
});
