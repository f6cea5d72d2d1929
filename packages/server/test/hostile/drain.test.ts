/**
 * Issue #19 item 8: under `reins runserver` (the reloader: a parent watching files, a child
 * serving) SIGTERM must drain in-flight requests within the same `--shutdown-timeout` bound
 * `reins serve` honours; the parent used to SIGKILL its child after a fixed 5 s. Real processes,
 * source through tsx; every wait is for the processes' own output, never a fixed sleep.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';

const PACKAGE = resolve(import.meta.dirname, '../..');
const CLI = join(PACKAGE, 'src/cli.ts');
const TSX = pathToFileURL(createRequire(join(PACKAGE, 'package.json')).resolve('tsx')).href;
// Process start-up through tsx on a loaded two-core box can take many seconds.
const TEST_TIMEOUT = 120_000;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
});

function runserver(args: string[]) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(
    process.execPath,
    [
      '--conditions=@reins/source',
      '--import',
      TSX,
      CLI,
      'runserver',
      `127.0.0.1:${port}`,
      '--skip-checks',
      '--app',
      'test/fixtures/drain-app.ts',
      ...args,
    ],
    // A directory of its own to watch: nothing else changing there restarts the child mid-test.
    // Its own process group, as under a terminal: CONTROL-C signals the parent and child alike.
    {
      cwd: PACKAGE,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
      detached: true,
    },
  );
  children.push(child);
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waitFor = (pattern: RegExp, stream: 'stdout' | 'stderr'): Promise<void> =>
    new Promise((done, fail) => {
      const source = child[stream];
      const check = (): void => {
        if (!pattern.test(stream === 'stdout' ? stdout : stderr)) return;
        source.off('data', check);
        child.off('exit', onExit);
        done();
      };
      const onExit = (): void => {
        setImmediate(() => fail(new Error(`Exited before ${pattern}:\n${stdout}\n${stderr}`)));
      };
      source.on('data', check);
      child.once('exit', onExit);
      check();
    });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, port, waitFor, exited, output: () => ({ stdout, stderr }) };
}

describe('runserver drains on SIGTERM (issue #19 item 8)', { timeout: TEST_TIMEOUT }, () => {
  it('lets a request longer than the old 5 s kill finish with 200, then exits 0', async () => {
    const server = runserver([]);
    await server.waitFor(/Quit the server with CONTROL-C/, 'stdout');
    const response = request(`http://127.0.0.1:${server.port}/sleep/?ms=6000`);
    await server.waitFor(/sleep view started/, 'stderr');
    server.child.kill('SIGTERM');
    const answer = await response;
    expect(answer.statusCode).toBe(200);
    expect(await answer.body.text()).toBe('slept 6000 ms');
    expect(await server.exited).toBe(0);
    expect(server.output().stderr).not.toMatch(/were cut/);
  });

  it('drains on CONTROL-C too: SIGINT to the process group, then the reloader’s SIGTERM', async () => {
    const server = runserver([]);
    await server.waitFor(/Quit the server with CONTROL-C/, 'stdout');
    const response = request(`http://127.0.0.1:${server.port}/sleep/?ms=2000`);
    await server.waitFor(/sleep view started/, 'stderr');
    process.kill(-server.child.pid!, 'SIGINT');
    const answer = await response;
    expect(answer.statusCode).toBe(200);
    expect(await answer.body.text()).toBe('slept 2000 ms');
    expect(await server.exited).toBe(0);
  });

  it('honours --shutdown-timeout, the bound `serve` takes: the child cuts what is left and exits', async () => {
    const server = runserver(['--shutdown-timeout', '300']);
    await server.waitFor(/Quit the server with CONTROL-C/, 'stdout');
    const response = request(`http://127.0.0.1:${server.port}/sleep/?ms=60000`).catch(
      (error: unknown) => error,
    );
    await server.waitFor(/sleep view started/, 'stderr');
    server.child.kill('SIGTERM');
    expect(await response).toBeInstanceOf(Error);
    expect(await server.exited).toBe(0);
    expect(server.output().stderr).toContain('1 request(s) still running after 300 ms were cut.');
  });

  it('rejects a --shutdown-timeout that is not a number, as serve does', async () => {
    for (const command of ['runserver', 'serve']) {
      const child = spawn(
        process.execPath,
        ['--conditions=@reins/source', '--import', TSX, CLI, command, '--shutdown-timeout', 'soon'],
        { cwd: PACKAGE, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      children.push(child);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((done) => child.once('exit', done));
      expect(code).toBe(1);
      expect(stderr).toContain(
        "--shutdown-timeout must be a number of milliseconds ≥ 0, got 'soon'.",
      );
    }
  });
});
