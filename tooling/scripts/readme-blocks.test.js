// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeBlocks } from './lib/readme-blocks.js';

const fence = '```';

test('finds ts and typescript blocks with the README line of their first code line', () => {
  const markdown = [
    '# Title',
    `${fence}sh`,
    'pnpm add @reins/urls',
    fence,
    `${fence}ts`,
    "import { path } from '@reins/urls';",
    fence,
    `${fence}typescript run`,
    'console.log(1);',
    fence,
  ].join('\n');
  assert.deepEqual(codeBlocks(markdown), [
    { line: 6, code: "import { path } from '@reins/urls';\n", mode: 'check', reason: '' },
    { line: 9, code: 'console.log(1);\n', mode: 'run', reason: '' },
  ]);
});

test('a nocheck block keeps its reason, and without one it fails naming the line', () => {
  const ok = codeBlocks(`${fence}ts nocheck: needs the reader's database\nx;\n${fence}\n`);
  assert.equal(ok[0]?.mode, 'nocheck');
  assert.equal(ok[0]?.reason, "needs the reader's database");
  assert.throws(
    () => codeBlocks(`text\n${fence}ts nocheck\nx;\n${fence}\n`, 'packages/a/README.md'),
    /packages\/a\/README\.md:2: '```ts nocheck' opts out of the type check without a reason/,
  );
});

test('an unknown flag fails rather than silently skipping the block', () => {
  assert.throws(() => codeBlocks(`${fence}ts skip\nx;\n${fence}\n`), /unknown flag 'skip'/);
});

test('a ts block inside a longer fence or a list keeps its indentation stripped', () => {
  const [block] = codeBlocks(`- item\n\n  ${fence}ts\n  const a = 1;\n  ${fence}\n`);
  assert.equal(block?.code, 'const a = 1;\n');
  assert.deepEqual(
    codeBlocks(`${fence}${fence[0]}md\n${fence}ts\nx;\n${fence}\n${fence}${fence[0]}\n`),
    [],
  );
});
