/**
 * The tutorial (docs/tutorial/) shows this site's files: a code block whose first line is
 * `// src/<file>` must be that file, byte for byte, so the tutorial cannot drift from the site
 * that CI builds and tests. Blocks marked `(so far)` show a file mid-way and are only type-checked
 * (by `pnpm check:readme`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const site = join(import.meta.dirname, '..');
const tutorial = join(site, '../../docs/tutorial');

const blocks = readdirSync(tutorial)
  .filter((file) => file.endsWith('.md'))
  .flatMap((page) =>
    [
      ...readFileSync(join(tutorial, page), 'utf8').matchAll(
        /```ts\n\/\/ (src\/\S+)\n([\s\S]*?)```/g,
      ),
    ].map((match) => ({ page, file: match[1] ?? '', code: match[2] ?? '' })),
  );

describe('the tutorial', () => {
  it('shows files of the site', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(blocks.map((block) => [`${block.page}: ${block.file}`, block] as const))(
    '%s is the site’s file',
    (_name, block) => {
      expect(block.code).toBe(readFileSync(join(site, block.file), 'utf8'));
    },
  );
});
