#!/usr/bin/env node
// @ts-check
/**
 * Prove the release flow without publishing: copy the repository to a scratch folder, run
 * `changeset version` there (so pending changesets become versions and CHANGELOG entries), and
 * `pnpm pack` every published package, printing each tarball's name and file count. The working
 * tree is never touched.
 *
 * @example
 * pnpm release:dry-run
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'reins-release-'));
const run = (/** @type {string} */ cmd, /** @type {string[]} */ args, cwd = scratch) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  cpSync(root, scratch, {
    recursive: true,
    filter: (source) =>
      !/[/\\](\.git|\.turbo|coverage)([/\\]|$)/.test(source.slice(root.length - 1)),
  });
  const pending = readdirSync(join(scratch, '.changeset')).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  );
  console.log(`release dry run in ${scratch}: ${pending.length} pending changeset(s)`);
  console.log(
    run(process.execPath, [join(scratch, 'node_modules/@changesets/cli/bin.js'), 'version']).trim(),
  );
  for (const folder of readdirSync(join(scratch, 'packages'))) {
    const dir = join(scratch, 'packages', folder);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    if (!existsSync(join(dir, 'dist')))
      throw new Error(`${manifest.name} has no dist/; run pnpm build before the dry run.`);
    const out = run('pnpm', ['pack', '--json', '--pack-destination', scratch], dir);
    const packed = JSON.parse(out.slice(out.indexOf('{')));
    const packedManifest = run('tar', ['-xzOf', packed.filename, 'package/package.json'], scratch);
    const internal = packedManifest.includes('workspace:');
    console.log(
      `${manifest.name}@${manifest.version}: ${packed.files?.length ?? '?'} files → ${packed.filename.split(/[/\\]/).pop()}`,
    );
    if (internal) throw new Error(`${manifest.name}'s packed manifest still says 'workspace:'.`);
  }
  console.log('release dry run: ok (nothing was published)');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
