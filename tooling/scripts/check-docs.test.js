// @ts-check
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brokenReferences } from './lib/doc-references.js';

const root = mkdtempSync(join(tmpdir(), 'reins-docs-'));
after(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'packages/urls/src'), { recursive: true });
writeFileSync(
  join(root, 'packages/urls/src/path.ts'),
  [
    'export function path(route: string) { return route; }',
    'export const rePath = (route: string) => route;',
    'export class URLResolver {',
    '  resolve<T>(pathInfo: string): T { return pathInfo as T; }',
    '}',
  ].join('\n'),
);

test('paths and functions that exist pass, placeholders and globs are not paths', () => {
  const page = [
    'See `packages/urls/src/path.ts` and `packages/urls/` (a folder).',
    '`path()` in `packages/urls/src/path.ts`, `rePath()` in `packages/urls/src/path.ts`,',
    '`URLResolver.resolve()` in `packages/urls/src/path.ts`; `packages/*` and `packages/<name>`.',
  ].join('\n');
  assert.deepEqual(brokenReferences(page, 'docs/a.md', root), []);
});

test('a missing path fails with the page line', () => {
  const problems = brokenReferences('ok\nsee `packages/urls/src/gone.ts`', 'docs/a.md', root);
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /^docs\/a\.md:2: `packages\/urls\/src\/gone\.ts` does not exist/);
});

test('a function the named file does not define fails', () => {
  const problems = brokenReferences(
    '`include()` in `packages/urls/src/path.ts`',
    'docs/a.md',
    root,
  );
  assert.equal(problems.length, 1);
  assert.match(
    problems[0] ?? '',
    /`include\(\)` is not defined in `packages\/urls\/src\/path\.ts`/,
  );
});

test('a call is not a definition: the name must be declared, assigned or a method', () => {
  writeFileSync(
    join(root, 'packages/urls/src/calls.ts'),
    'import { path } from "./path.js";\npath("x");\n',
  );
  const problems = brokenReferences('`path()` in `packages/urls/src/calls.ts`', 'docs/a.md', root);
  assert.equal(problems.length, 1);
});

test('the repository docs pass check-docs', () => {
  const script = fileURLToPath(new URL('./check-docs.js', import.meta.url));
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});
