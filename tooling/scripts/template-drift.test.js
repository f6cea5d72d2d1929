// @ts-check
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { templateDrift } from './lib/template-drift.js';

const made = /** @type {string[]} */ ([]);
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** @param {Record<string, string>} files */
function folder(files) {
  const dir = mkdtempSync(join(tmpdir(), 'reins-drift-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/**
 * @param {Record<string, string>} generatedFiles
 * @param {Record<string, string>} siteFiles
 * @param {Record<string, string>} [own]
 * @param {(file: string, text: string) => string} [normalize]
 */
function drift(generatedFiles, siteFiles, own = {}, normalize = undefined) {
  return templateDrift({
    generated: folder(generatedFiles),
    written: Object.keys(generatedFiles),
    site: folder(siteFiles),
    own,
    ownListedIn: 'the list',
    ...(normalize ? { normalize } : {}),
    describeGenerated: (file) => `template/${file}`,
    describeSite: (file) => `site/${file}`,
  });
}

describe('templateDrift', () => {
  test('a site with the generated files is in step', async () => {
    assert.deepEqual(await drift({ 'a.ts': 'x\n' }, { 'a.ts': 'x\n', 'blog.ts': 'y\n' }), []);
  });

  test('a changed shared file names both files, the line and the fix', async () => {
    const [problem, ...rest] = await drift(
      { 'src/a.ts': 'one\ntwo\n' },
      { 'src/a.ts': 'one\nTWO\n' },
    );
    assert.deepEqual(rest, []);
    assert.match(problem ?? '', /site\/src\/a\.ts differs from template\/src\/a\.ts/);
    assert.match(problem ?? '', /from line 2\./);
    assert.match(problem ?? '', /Make the same change in both files/);
  });

  test('a shared file the site lacks is named', async () => {
    const problems = await drift({ 'a.ts': 'x\n' }, {});
    assert.match(problems[0] ?? '', /site\/a\.ts is missing, yet template\/a\.ts writes it/);
  });

  test('the site’s own files may differ, but must still be generated', async () => {
    assert.deepEqual(await drift({ 'a.ts': 'x\n' }, { 'a.ts': 'y\n' }, { 'a.ts': 'why' }), []);
    const problems = await drift({ 'a.ts': 'x\n' }, { 'a.ts': 'x\n' }, { 'gone.ts': 'why' });
    assert.match(problems[0] ?? '', /'gone\.ts' is listed .* no longer writes it/);
  });

  test('both sides are compared once normalized', async () => {
    const trim = (/** @type {string} */ _file, /** @type {string} */ text) => text.trimEnd();
    assert.deepEqual(await drift({ 'a.md': 'x\n\n' }, { 'a.md': 'x\n' }, {}, trim), []);
  });
});
