// @ts-check
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findLayerProblems, importsOf, packageOf } from './lib/layer-problems.js';

const layers = {
  '@reins/core': [],
  '@reins/http': ['@reins/core'],
  '@reins/urls': ['@reins/core'],
};
const made = /** @type {string[]} */ ([]);
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A throwaway workspace: `files` maps a path to its text (objects are written as JSON).
 * @param {Record<string, string | object>} files
 */
function workspace(files) {
  const root = mkdtempSync(join(tmpdir(), 'reins-layers-'));
  made.push(root);
  const all = {
    'tooling/eslint/package.json': { name: '@reins/eslint-config' },
    'packages/core/package.json': { name: '@reins/core' },
    'packages/core/src/index.ts': 'export const brand = 1;\n',
    'packages/http/package.json': {
      name: '@reins/http',
      dependencies: { '@reins/core': 'workspace:^' },
      devDependencies: { '@reins/eslint-config': 'workspace:*' },
    },
    'packages/http/src/index.ts': "export { request } from './request.js';\n",
    'packages/http/src/request.ts':
      "import { brand } from '@reins/core';\nexport const request = brand;\n",
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof text === 'string' ? text : JSON.stringify(text));
  }
  return root;
}

/** @param {Record<string, string | object>} files */
const problemsOf = (files) => findLayerProblems(workspace(files), layers).problems;

describe('importsOf', () => {
  test('reads import, export from, import(), require() and import type, never strings or comments', () => {
    const text = [
      "import { a } from '@reins/a';",
      "import type { B } from '@reins/b';",
      "export * from './c.js';",
      "const d = await import('@reins/d');",
      "const e = require('@reins/e');",
      'const f = "import x from \'@reins/f\'";',
      "// import g from '@reins/g';",
      "/* require('@reins/h') */",
    ].join('\n');
    assert.deepEqual(importsOf(text), ['@reins/a', '@reins/b', './c.js', '@reins/d', '@reins/e']);
  });

  test('packageOf keeps the scope and drops the subpath', () => {
    assert.equal(packageOf('@reins/templates/nunjucks'), '@reins/templates');
    assert.equal(packageOf('node:fs'), 'node:fs');
    assert.equal(packageOf('cac/deno'), 'cac');
  });
});

describe('findLayerProblems', () => {
  test('a workspace that keeps the rules has no problem', () => {
    assert.deepEqual(problemsOf({}), []);
  });

  test('an import of a package the layer forbids fails, even when package.json declares it', () => {
    const problems = problemsOf({
      'packages/urls/package.json': {
        name: '@reins/urls',
        dependencies: { '@reins/http': 'workspace:^' },
      },
      'packages/urls/src/index.ts': "import { request } from '@reins/http';\nexport { request };\n",
    });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /@reins\/urls depends on '@reins\/http' \(dependencies\)/);
    assert.match(
      problems[1],
      /packages\/urls\/src\/index\.ts imports '@reins\/http', but the layer/,
    );
  });

  test('an undeclared import fails and names the field to add it to', () => {
    const [problem] = problemsOf({
      'packages/urls/package.json': { name: '@reins/urls' },
      'packages/urls/src/index.ts': "export type { Brand } from '@reins/core/brands';\n",
    });
    assert.match(
      problem,
      /imports '@reins\/core\/brands', which packages\/urls\/package\.json does not declare/,
    );
    assert.match(problem, /to its dependencies/);
  });

  test('source may not rely on a devDependency; a test file may', () => {
    const problems = problemsOf({
      'packages/urls/package.json': {
        name: '@reins/urls',
        devDependencies: { '@reins/core': 'workspace:*' },
      },
      'packages/urls/src/index.ts': "const core = await import('@reins/core');\nexport { core };\n",
      'packages/urls/src/index.test.ts': "import { brand } from '@reins/core';\nbrand;\n",
    });
    assert.equal(problems.length, 1);
    assert.match(
      problems[0],
      /src\/index\.ts imports '@reins\/core', which .* only in devDependencies/,
    );
  });

  test('a relative import that leaves the package fails', () => {
    const [problem] = problemsOf({
      'packages/http/src/cookies.ts': "export { brand } from '../../core/src/index.js';\n",
    });
    assert.match(
      problem,
      /packages\/http\/src\/cookies\.ts imports '\.\.\/\.\.\/core\/src\/index\.js', which leaves packages\/http/,
    );
  });

  test('internal/ may not import the public index, by path or by name', () => {
    const problems = problemsOf({
      'packages/http/src/internal/a.ts':
        "import { request } from '../index.js';\nexport const a = request;\n",
      'packages/http/src/internal/b.ts':
        "import { request } from '..';\nexport const b = request;\n",
      'packages/http/src/internal/c.ts':
        "import { request } from '@reins/http';\nexport const c = request;\n",
      'packages/http/src/internal/d.ts':
        "import { request } from '../request.js';\nexport const d = request;\n",
    });
    assert.equal(problems.length, 3);
    assert.match(
      problems[0],
      /internal\/a\.ts imports '\.\.\/index\.js', the package's public index/,
    );
    assert.match(problems[1], /internal\/b\.ts imports '\.\.'/);
    assert.match(problems[2], /internal\/c\.ts imports '@reins\/http', its own package by name/);
  });

  test('a package without a layer fails until layers.js names it', () => {
    const [problem] = problemsOf({ 'packages/cache/package.json': { name: '@reins/cache' } });
    assert.match(problem, /@reins\/cache \(packages\/cache\) has no layer/);
  });

  test('apps may import any reins package they declare, and only those', () => {
    const problems = problemsOf({
      'apps/demo/package.json': {
        name: 'demo',
        private: true,
        dependencies: { '@reins/http': 'workspace:^' },
      },
      'apps/demo/src/app.ts': "import '@reins/http';\nimport '@reins/core';\n",
    });
    assert.equal(problems.length, 1);
    assert.match(
      problems[0],
      /apps\/demo\/src\/app\.ts imports '@reins\/core', which apps\/demo\/package\.json does not declare/,
    );
  });
});

test('the repository itself passes check-layers', () => {
  const script = fileURLToPath(new URL('./check-layers.js', import.meta.url));
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /respect the layer table/);
});
