/**
 * The server's side of @reins/staticfiles: `reins collectstatic` and `reins findstatic` run as real
 * processes, the staticfiles checks in `reins check`, and development serving from the finders
 * that `debug` turns on without any middleware configured (Django's runserver).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineStaticfiles } from '@reins/staticfiles';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';

const PACKAGE = resolve(import.meta.dirname, '..');
const TSX = pathToFileURL(createRequire(join(PACKAGE, 'package.json')).resolve('tsx')).href;
const NODE_ARGS = ['--conditions=@reins/source', '--import', TSX, join(PACKAGE, 'src/cli.ts')];
const PROCESS_TEST_TIMEOUT = 90_000;

function project(staticRootInside = false): { dir: string; app: string } {
  const dir = mkdtempSync(join(tmpdir(), 'reins-static-cli-'));
  mkdirSync(join(dir, 'static', 'css'), { recursive: true });
  writeFileSync(join(dir, 'static', 'css', 'site.css'), 'body { background: url(../logo.png); }');
  writeFileSync(join(dir, 'static', 'logo.png'), 'png');
  const app = join(dir, 'app.mjs');
  writeFileSync(
    app,
    `import { createApp } from ${JSON.stringify(join(PACKAGE, 'src/index.ts'))};
import { defineStaticfiles } from ${JSON.stringify(join(PACKAGE, '../staticfiles/src/index.ts'))};
export default createApp({
  rootUrlconf: [],
  allowedHosts: ['localhost'],
  staticfiles: defineStaticfiles({
    staticUrl: '/static/',
    staticRoot: ${JSON.stringify(staticRootInside ? join(dir, 'static', 'out') : join(dir, 'out'))},
    staticfilesDirs: [${JSON.stringify(join(dir, 'static'))}],
    storage: 'ManifestStaticFilesStorage',
  }),
});
`,
  );
  return { dir, app };
}

function runCli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [...NODE_ARGS, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('reins collectstatic and findstatic', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it("collects with hashed names and prints Django's summary", () => {
    const { dir, app } = project();
    const result = runCli(['collectstatic', '--noinput', '--app', app], dir);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(
      `2 static files copied to '${join(dir, 'out')}', 3 post-processed.`,
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'staticfiles.json'), 'utf8')) as {
      paths: Record<string, string>;
    };
    expect(manifest.paths['css/site.css']).toMatch(/^css\/site\.[0-9a-f]{12}\.css$/);
    expect(existsSync(join(dir, 'out', manifest.paths['logo.png']!))).toBe(true);
    const again = runCli(['collectstatic', '--noinput', '--dry-run', '--app', app], dir);
    expect(again.stdout.trim()).toBe(
      `0 static files copied to '${join(dir, 'out')}', 2 unmodified.`,
    );
  });

  it('finds a static file, and says when it cannot', () => {
    const { dir, app } = project();
    const result = runCli(['findstatic', 'css/site.css', 'nope.css', '--app', app], dir);
    expect(result.stdout).toBe(
      `Found 'css/site.css' here:\n  ${join(dir, 'static', 'css', 'site.css')}\n`,
    );
    expect(result.stderr).toBe("No matching file found for 'nope.css'.\n");
  });

  it("reports staticRoot inside staticfilesDirs in 'reins check'", () => {
    const { dir, app } = project(true);
    const result = runCli(['check', '--app', app], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "(staticfiles.E002) The 'staticfilesDirs' setting should not contain the 'staticRoot' setting",
    );
  });
});

describe('development static files', () => {
  it('debug serves from the finders with no middleware configured and no collect step', async () => {
    const { dir } = project();
    const staticfiles = defineStaticfiles({
      staticUrl: '/static/',
      staticfilesDirs: [join(dir, 'static')],
      debug: true,
    });
    const app = createApp({
      rootUrlconf: [],
      debug: true,
      allowedHosts: ['localhost'],
      staticfiles,
    });
    const response = await app.fetch(new Request('http://localhost/static/css/site.css'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('body { background: url(../logo.png); }');
    const production = createApp({ rootUrlconf: [], allowedHosts: ['localhost'], staticfiles });
    expect(
      (await production.fetch(new Request('http://localhost/static/css/site.css'))).status,
    ).toBe(404);
  });
});
