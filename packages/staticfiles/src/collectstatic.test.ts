import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectstatic, CommandError } from './collectstatic.js';
import { Staticfiles } from './define-staticfiles.js';
import { findstatic } from './findstatic.js';

let base: string;
let staticfiles: Staticfiles;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'reins-collect-'));
  mkdirSync(join(base, 'a', 'css'), { recursive: true });
  mkdirSync(join(base, 'b', 'css'), { recursive: true });
  writeFileSync(
    join(base, 'a', 'css', 'site.css'),
    `${'a { color: red; }\n'.repeat(20)}/*# sourceMappingURL=site.css.map */\n`,
  );
  writeFileSync(join(base, 'a', 'css', 'site.css.map'), '{"version":3}');
  writeFileSync(join(base, 'b', 'css', 'site.css'), 'from b');
  writeFileSync(join(base, 'b', 'app.js'), 'x()\n//# sourceMappingURL=app.js.map');
  writeFileSync(join(base, 'b', 'app.js.map'), '{}');
  staticfiles = new Staticfiles({
    staticUrl: '/static/',
    staticRoot: join(base, 'out'),
    staticfilesDirs: [join(base, 'a'), ['lib', join(base, 'b')]],
    storage: 'ManifestStaticFilesStorage',
  });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('collectstatic', () => {
  it('copies, hashes, rewrites source maps and compresses, with progress and the summary', async () => {
    const lines: string[] = [];
    const result = await collectstatic(staticfiles, {
      interactive: false,
      verbosity: 2,
      log: (line) => lines.push(line),
    });
    expect(result.modified).toEqual([
      'css/site.css',
      'css/site.css.map',
      'lib/app.js',
      'lib/app.js.map',
      'lib/css/site.css',
    ]);
    expect(lines).toContain(`Copying '${join(base, 'a', 'css', 'site.css')}'`);
    expect(lines.at(-1)).toMatch(/^\n5 static files copied to '.*out', \d+ post-processed\.$/);
    const manifest = JSON.parse(readFileSync(join(base, 'out', 'staticfiles.json'), 'utf8')) as {
      paths: Record<string, string>;
    };
    const css = readFileSync(join(base, 'out', manifest.paths['css/site.css']!), 'utf8');
    expect(css).toContain(
      `/*# sourceMappingURL=${manifest.paths['css/site.css.map']!.split('/').pop()!} */`,
    );
    const js = readFileSync(join(base, 'out', manifest.paths['lib/app.js']!), 'utf8');
    expect(js).toContain(
      `//# sourceMappingURL=${manifest.paths['lib/app.js.map']!.split('/').pop()!}`,
    );
    expect(existsSync(join(base, 'out', `${manifest.paths['css/site.css']!}.gz`))).toBe(true);
    expect(staticfiles.url('css/site.css')).toBe(`/static/${manifest.paths['css/site.css']!}`);
  });

  it('keeps the first of two files with the same name and says so', async () => {
    const clash = new Staticfiles({
      staticUrl: '/static/',
      staticRoot: join(base, 'out'),
      staticfilesDirs: [join(base, 'a'), join(base, 'b')],
    });
    const lines: string[] = [];
    await collectstatic(clash, { interactive: false, log: (line) => lines.push(line) });
    expect(readFileSync(join(base, 'out', 'css', 'site.css'), 'utf8')).toContain('color: red');
    expect(lines[0]).toMatch(/^Found another file with the destination path 'css\/site.css'/);
  });

  it('--dry-run writes nothing; --clear deletes what was there', async () => {
    await collectstatic(staticfiles, { interactive: false, dryRun: true });
    expect(existsSync(join(base, 'out'))).toBe(false);
    await collectstatic(staticfiles, { interactive: false });
    writeFileSync(join(base, 'out', 'stale.txt'), 'old');
    const lines: string[] = [];
    await collectstatic(staticfiles, {
      interactive: false,
      clear: true,
      log: (line) => lines.push(line),
    });
    expect(existsSync(join(base, 'out', 'stale.txt'))).toBe(false);
    expect(lines).toContain("Deleting 'stale.txt'");
  });

  it('asks before overwriting, and stops unless the answer is yes', async () => {
    await collectstatic(staticfiles, { interactive: false });
    const questions: string[] = [];
    const cancelled = collectstatic(staticfiles, {
      prompt: (question) => {
        questions.push(question);
        return Promise.resolve('no');
      },
    });
    await expect(cancelled).rejects.toThrow(CommandError);
    expect(questions[0]).toContain('This will overwrite existing files!');
    const again = await collectstatic(staticfiles, { prompt: () => Promise.resolve('yes') });
    expect(again.unmodified).toHaveLength(5);
  });

  it('fails with the name of a CSS reference that does not exist', async () => {
    writeFileSync(join(base, 'a', 'css', 'site.css'), 'a { background: url(missing.png); }');
    await expect(collectstatic(staticfiles, { interactive: false })).rejects.toThrow(
      /The file 'css\/missing.png' could not be found/,
    );
  });

  it('needs staticRoot', async () => {
    const rootless = new Staticfiles({ staticUrl: '/static/' });
    await expect(collectstatic(rootless, { interactive: false })).rejects.toThrow(
      /'staticRoot' setting/,
    );
  });
});

describe('findstatic', () => {
  it("gives Django's lines: every match, or the first, or none", () => {
    const all = findstatic(staticfiles, ['css/site.css', 'lib/css/site.css', 'nope.css']);
    expect(all.lines).toEqual([
      "Found 'css/site.css' here:",
      `  ${join(base, 'a', 'css', 'site.css')}`,
      "Found 'lib/css/site.css' here:",
      `  ${join(base, 'b', 'css', 'site.css')}`,
    ]);
    expect(all.errors).toEqual(["No matching file found for 'nope.css'."]);
    expect(findstatic(staticfiles, ['../a/css/site.css']).errors).toHaveLength(1);
  });
});
