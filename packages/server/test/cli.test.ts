/**
 * The `reins` CLI, run as a real process (source through tsx): `check`, `show-urls`, `typegen`, and
 * `runserver` — start-up lines, an access line per request, graceful exit on SIGTERM — plus
 * the autoreloader restarting the server after a file change.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';

const PACKAGE = resolve(import.meta.dirname, '..');
const CLI = join(PACKAGE, 'src/cli.ts');
// tsx by absolute URL, so processes started in a temporary directory find it too.
const TSX = pathToFileURL(createRequire(join(PACKAGE, 'package.json')).resolve('tsx')).href;
const NODE_ARGS = ['--conditions=@reins/source', '--import', TSX, CLI];

// Every test here starts Node processes that compile TypeScript through tsx. On a loaded CI box
// (turbo runs every package's tests at once on two cores) one start-up can take many seconds, so
// the limits are generous; the assertions wait for the processes' own output, never a fixed sleep.
const PROCESS_TEST_TIMEOUT = 90_000;
const WAIT_TIMEOUT = 60_000;

function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [...NODE_ARGS, ...args], {
    cwd: options.cwd ?? PACKAGE,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: WAIT_TIMEOUT,
  });
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Start a long-running CLI process and collect its output. */
function startCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
    cwd: options.cwd ?? PACKAGE,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  /** Resolve when `pattern` appears in the stream: checked on each chunk, not by polling. */
  const waitFor = (
    pattern: RegExp,
    stream: 'stdout' | 'stderr' = 'stdout',
    timeout = WAIT_TIMEOUT,
  ): Promise<RegExpExecArray> =>
    new Promise((done, fail) => {
      const source = child[stream];
      const cleanup = () => {
        clearTimeout(timer);
        source.off('data', check);
        child.off('exit', onExit);
      };
      const check = () => {
        const match = pattern.exec(output[stream]);
        if (match === null) return false;
        cleanup();
        done(match);
        return true;
      };
      const onExit = (code: number | null) => {
        // Output already buffered in the pipe may still arrive after 'exit'.
        setImmediate(() => {
          if (check()) return;
          cleanup();
          fail(
            new Error(`Exited (${code}) before ${pattern}:\n${output.stdout}\n${output.stderr}`),
          );
        });
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(
          new Error(
            `Timed out waiting for ${pattern} in ${stream}:\n${output.stdout}\n${output.stderr}`,
          ),
        );
      }, timeout);
      // Registered after the collector above, so output[stream] already holds the new chunk.
      source.on('data', check);
      child.on('exit', onExit);
      if (!check() && child.exitCode !== null) onExit(child.exitCode);
    });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output, waitFor, exited };
}

describe('reins check', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('reports no issues for a good app and exits 0', () => {
    const result = runCli(['check', '--app', 'test/fixtures/app.ts']);
    expect(result.stdout).toContain('System check identified no issues (0 silenced).');
    expect(result.status).toBe(0);
  });

  it('adds the deployment checks with --deploy', () => {
    const result = runCli(['check', '--deploy', '--app', 'test/fixtures/app.ts']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /secretKey: \(security\.W009\) Your 'secretKey' has less than 50/,
    );
    expect(result.stdout).toMatch(
      /middleware: \(security\.W001\) You do not have SecurityMiddleware/,
    );
    const failing = runCli([
      'check',
      '--deploy',
      '--fail-level',
      'warning',
      '--app',
      'test/fixtures/app.ts',
    ]);
    expect(failing.status).toBe(1);
  });

  it('prints errors and warnings in Django’s format and exits 1', () => {
    const result = runCli(['check', '--app', 'test/fixtures/broken-app.ts']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SystemCheckError: System check identified some issues:');
    expect(result.stderr).toContain('ERRORS:');
    expect(result.stderr).toContain(
      "handler404: (urls.E007) The custom handler404 view 'handler404' does not take the correct number of arguments (request, exception).",
    );
    expect(result.stderr).toContain('WARNINGS:');
    expect(result.stderr).toMatch(/\(server\.W001\) Template directory '\/definitely\/not\/here'/);
    expect(result.stderr).toMatch(/\(urls\.W002\)/);
    expect(result.stderr).toMatch(/System check identified 4 issues \(0 silenced\)\./);
  });

  it('exits 0 with warnings only, unless --fail-level warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reins-cli-'));
    const file = join(dir, 'warn.mjs');
    writeFileSync(
      file,
      `import { createApp } from ${JSON.stringify(join(PACKAGE, 'src/index.ts'))};
export default createApp({ rootUrlconf: [], allowedHosts: [] });
`,
    );
    const warned = runCli(['check', '--app', file]);
    expect(warned.status).toBe(0);
    expect(warned.stdout).toContain('(server.W002)');
    expect(runCli(['check', '--app', file, '--fail-level', 'warning']).status).toBe(1);
  });

  it('explains a missing app module', () => {
    const result = runCli(['check', '--app', 'test/fixtures/nope.js']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "CommandError: The application module 'test/fixtures/nope.js' (from --app) does not exist",
    );
  });

  it('finds the app through reins.config.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reins-cli-'));
    writeFileSync(
      join(dir, 'reins.config.json'),
      JSON.stringify({ app: join(PACKAGE, 'test/fixtures/app.ts') }),
    );
    const result = runCli(['check'], { cwd: dir });
    expect(result.stdout).toContain('System check identified no issues');
  });
});

describe('reins show-urls', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('lists every pattern with its view and name', () => {
    const result = runCli(['show-urls', '--app', 'test/fixtures/app.ts']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^URL\s+View\s+Name$/);
    expect(lines[1]).toMatch(/^\/\s+home\s+home$/);
    expect(lines[2]).toMatch(/^\/greetings\/<str:name>\/\s+greeting\s+greetings:greeting$/);
    expect(lines[3]).toMatch(/^\/boom\/\s+boom\s+boom$/);
    expect(lines[4]).toMatch(/^\/floating\/\s+floating\s+floating$/);
    expect(lines[5]).toMatch(/^\/pid\/\s+pid\s+pid$/);
  });
});

describe('reins typegen', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it("writes the app's URL names, and --check fails once the file is out of date", () => {
    const dir = mkdtempSync(join(tmpdir(), 'reins-typegen-'));
    const out = join(dir, 'reins-urls.gen.d.ts');
    const app = ['--app', 'test/fixtures/app.ts', '--out', out];
    const written = runCli(['typegen', ...app]);
    expect(written.stderr).toBe('');
    expect(written.stdout).toContain('reins-urls.gen.d.ts (6 URL names).');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain("  'greetings:greeting': { name: string };");
    expect(text).toContain("declare module '@reins/shortcuts'");

    const fresh = runCli(['typegen', '--check', ...app]);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toContain('is up to date (6 URL names).');

    writeFileSync(out, text.replace(/^ {2}\/\*\* \/ \*\/\n {2}home: .*\n/m, ''));
    const stale = runCli(['typegen', '--check', ...app]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('is out of date with the urlconf (new names: home)');
    expect(stale.stderr).toContain('Run `reins typegen` and commit the file.');
  });

  it('reads a module exporting urlpatterns with --urlconf, and says when the file is missing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'reins-typegen-')), 'urls.gen.d.ts');
    const result = runCli([
      'typegen',
      '--check',
      '--urlconf',
      'test/fixtures/typegen-urls.ts',
      '--out',
      out,
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('urls.gen.d.ts does not exist. Run `reins typegen`');
  });
});

/** The pids answering on `port` until `want` have (every worker, round-robin), or the wait ends. */
async function pidsOf(port: number, want: number): Promise<Set<string>> {
  const pids = new Set<string>();
  const deadline = Date.now() + WAIT_TIMEOUT;
  while (pids.size < want && Date.now() < deadline) {
    const response = await request(`http://127.0.0.1:${port}/pid/`, { reset: true }).catch(
      () => null,
    );
    if (response !== null) pids.add(await response.body.text());
    else await new Promise((done) => setTimeout(done, 100));
  }
  return pids;
}

describe('reins serve', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('serves on several worker processes and stops them all on SIGTERM', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = startCli([
      'serve',
      `127.0.0.1:${port}`,
      '--workers',
      '2',
      '--app',
      'test/fixtures/app.ts',
    ]);
    await server.waitFor(/with 2 worker processes/);
    const pids = await pidsOf(port, 2);
    expect(pids.size).toBe(2);
    expect(pids.has(String(server.child.pid))).toBe(false);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await expect(request(`http://127.0.0.1:${port}/pid/`)).rejects.toThrow();
  });
});

describe('reins serve supervision', { timeout: PROCESS_TEST_TIMEOUT * 3 }, () => {
  it('exits with 1 when the workers cannot start the app, instead of forking forever', () => {
    const result = runCli([
      'serve',
      '127.0.0.1:0',
      '--workers',
      '2',
      '--app',
      'test/fixtures/throwing-app.ts',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Importing the application module[^\n]*failed/);
    expect(result.stderr).toMatch(/exited before it could serve \([^)]*\); stopping/);
  });

  it('reloads on SIGHUP with no failed request, and restarts a killed worker', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = startCli([
      'serve',
      `127.0.0.1:${port}`,
      '--workers',
      '2',
      '--app',
      'test/fixtures/app.ts',
    ]);
    await server.waitFor(/with 2 worker processes/);
    const before = await pidsOf(port, 2);
    expect(before.size).toBe(2);
    // Requests one after another through the whole reload: none may fail.
    let reloading = true;
    // Each failure is kept with its cause, so a failing run says which request broke and how.
    const failures: string[] = [];
    let served = 0;
    const load = (async () => {
      while (reloading) {
        const failure = await request(`http://127.0.0.1:${port}/`, {
          reset: true,
          headersTimeout: 20_000,
          bodyTimeout: 20_000,
        })
          .then(async (response) => {
            const body = await response.body.text();
            return body === 'Hello from the fixture app'
              ? undefined
              : `status ${response.statusCode}: ${JSON.stringify(body.slice(0, 200))}`;
          })
          .catch((error: unknown) => {
            const { code, message } = error as { code?: string; message?: string };
            return `${code ?? 'error'}: ${message ?? String(error)}`;
          });
        if (failure === undefined) served++;
        else failures.push(`request ${served + failures.length + 1}: ${failure}`);
      }
    })();
    server.child.kill('SIGHUP');
    await server.waitFor(/Reloaded: generation 1 is listening; 2 old worker\(s\) draining\./);
    // The old workers finish what they had, then exit.
    const alive = (pid: string): boolean => {
      try {
        process.kill(Number(pid), 0);
        return true;
      } catch {
        return false;
      }
    };
    const drained = Date.now() + WAIT_TIMEOUT;
    while ([...before].some(alive) && Date.now() < drained) {
      await new Promise((done) => setTimeout(done, 50));
    }
    const after = await pidsOf(port, 2);
    reloading = false;
    await load;
    expect(failures).toEqual([]);
    expect(served).toBeGreaterThan(0);
    expect([...after].some((pid) => before.has(pid))).toBe(false);
    const [victim] = after;
    process.kill(Number(victim), 'SIGKILL');
    await server.waitFor(
      new RegExp(`Worker ${victim} died \\(SIGKILL\\); starting a new one`),
      'stderr',
    );
    const replaced = await pidsOf(port, 2);
    expect(replaced.has(victim!)).toBe(false);
    expect(replaced.size).toBe(2);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

describe('reins runserver', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('prints Django’s start-up lines, one access line per request, and exits on SIGTERM', async () => {
    const server = startCli(['runserver', '--noreload', '--app', 'test/fixtures/app.ts'], {
      env: { PORT: '0', HOST: '127.0.0.1' },
    });
    const [, url = ''] = await server.waitFor(
      /Starting development server at (http:\/\/127\.0\.0\.1:\d+\/)/,
    );
    expect(server.output.stdout).toMatch(
      /^Performing system checks\.\.\.\n\nSystem check identified no issues \(0 silenced\)\.\n[A-Z][a-z]+ \d\d, \d{4} - \d\d:\d\d:\d\d\nreins version /,
    );
    // The start-up banner may arrive in more than one chunk.
    await server.waitFor(/Quit the server with CONTROL-C\./);
    const ok = await request(new URL('greetings/Ada/', url));
    expect(await ok.body.text()).toBe('Hello, Ada!');
    await server.waitFor(/\] "GET \/greetings\/Ada\/ HTTP\/1\.1" 200 11\n/, 'stderr');
    const failed = await request(new URL('boom/', url));
    await failed.body.text();
    await server.waitFor(/Internal Server Error: \/boom\/\nError: fixture boom/, 'stderr');
    await server.waitFor(/"GET \/boom\/ HTTP\/1\.1" 500 \d+\n/, 'stderr');
    const floating = await request(new URL('floating/', url));
    expect(await floating.body.text()).toBe('answered anyway');
    await server.waitFor(/Unhandled promise rejection[^\n]*\nError: floating boom/, 'stderr');
    const after = await request(url);
    expect(await after.body.text()).toBe('Hello from the fixture app');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('finishes an in-flight request on SIGTERM before exiting', async () => {
    const server = startCli(
      ['runserver', '--noreload', '--skip-checks', '--app', 'test/fixtures/app.ts'],
      {
        env: { PORT: '0', HOST: '127.0.0.1' },
      },
    );
    const [, url = ''] = await server.waitFor(
      /Starting development server at (http:\/\/127\.0\.0\.1:\d+\/)/,
    );
    const slow = request(new URL('slow/', url)).then((response) => response.body.text());
    await server.waitFor(/slow view started/, 'stderr');
    server.child.kill('SIGTERM');
    expect(await slow).toBe('slow done');
    expect(await server.exited).toBe(0);
  });

  it('restarts the server when a watched file changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reins-reload-'));
    const appFile = join(dir, 'app.mjs');
    const write = (greeting: string) =>
      writeFileSync(
        appFile,
        `import { HttpResponse } from ${JSON.stringify(join(PACKAGE, '../http/src/index.ts'))};
import { path } from ${JSON.stringify(join(PACKAGE, '../urls/src/index.ts'))};
import { createApp } from ${JSON.stringify(join(PACKAGE, 'src/index.ts'))};
export default createApp({ rootUrlconf: [path('', () => new HttpResponse(${JSON.stringify(greeting)}))], allowedHosts: ['127.0.0.1'] });
`,
      );
    write('first');
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = startCli(['runserver', `127.0.0.1:${port}`, '--app', appFile], { cwd: dir });
    await server.waitFor(/Watching for file changes with fs\.watch/);
    await server.waitFor(/Starting development server/);
    expect(await (await request(`http://127.0.0.1:${port}/`)).body.text()).toBe('first');
    write('second');
    await server.waitFor(/app\.mjs changed, reloading\./);
    const deadline = Date.now() + WAIT_TIMEOUT;
    let body = '';
    while (Date.now() < deadline) {
      body = await request(`http://127.0.0.1:${port}/`)
        .then((response) => response.body.text())
        .catch(() => '');
      if (body === 'second') break;
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(body).toBe('second');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
