import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { safeJoin, staticSegments } from './safe-path.js';

const base = mkdtempSync(join(tmpdir(), 'reins-safe-'));
const root = join(base, 'root');
mkdirSync(join(root, 'a'), { recursive: true });
writeFileSync(join(root, 'a', 'b.txt'), 'x');
writeFileSync(join(base, 'secret.txt'), 'secret');
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('safeJoin', () => {
  it('finds what is inside', () => {
    expect(safeJoin(root, 'a/b.txt')?.path).toBe(join(root, 'a', 'b.txt'));
  });

  it('never answers a path outside the root, whatever the name (property)', () => {
    const piece = fc.constantFrom(
      '..',
      '.',
      '',
      'a',
      'b.txt',
      'secret.txt',
      'root',
      '\\',
      '\0',
      '/',
      '%2e%2e',
      'C:',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), (pieces, leading) => {
        const name = (leading ? '/' : '') + pieces.join('/');
        const found = safeJoin(root, name);
        if (found !== undefined) {
          const rel = relative(root, found.path);
          expect(rel.startsWith('..') || rel.includes(`..${sep}`)).toBe(false);
          expect(staticSegments(name)).not.toBeNull();
        }
      }),
    );
  });
});
