/**
 * Template loaders on hostile names and symlinks (issue #19, items 9 and 10), with real files and
 * real symlinks in a temporary directory: a name a client may influence never surfaces a raw
 * filesystem error, and a symlink resolving outside its template directory is not read unless
 * `followSymlinksOutsideDirs` is set.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AppDirectoriesLoader,
  Engine,
  FileSystemLoader,
  TemplateDoesNotExist,
} from '../../src/index.js';

const root = mkdtempSync(join(tmpdir(), 'reins-hostile-loaders-'));
const outside = join(root, 'outside');
const templates = join(root, 'templates');
const app = join(root, 'app');
mkdirSync(outside);
mkdirSync(join(templates, 'real'), { recursive: true });
mkdirSync(join(app, 'templates'), { recursive: true });
writeFileSync(join(outside, 'passwd'), 'root:x:0:0');
writeFileSync(join(templates, 'page.html'), 'page');
writeFileSync(join(templates, 'real', 'inner.html'), 'inner');
writeFileSync(join(templates, 'include-secret.html'), '[{% include "etc/passwd" %}]');
symlinkSync(outside, join(templates, 'etc'), 'dir');
symlinkSync(join(outside, 'passwd'), join(templates, 'passwd.html'), 'file');
symlinkSync(join(templates, 'real'), join(templates, 'alias'), 'dir');
symlinkSync(join(templates, 'page.html'), join(templates, 'page-link.html'), 'file');
symlinkSync(join(templates, 'loop-b'), join(templates, 'loop-a'));
symlinkSync(join(templates, 'loop-a'), join(templates, 'loop-b'));
symlinkSync(outside, join(app, 'templates', 'etc'), 'dir');
symlinkSync(templates, join(root, 'linked-templates'), 'dir');

afterAll(() => rmSync(root, { recursive: true, force: true }));

function notFound(engine: Engine, name: string): TemplateDoesNotExist {
  try {
    engine.getTemplate(name);
  } catch (error) {
    if (TemplateDoesNotExist.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(name)} was found`);
}

describe('symlinks out of the template directory', () => {
  const engine = new Engine({ dirs: [templates] });

  it('refuses a symlinked folder leading outside, naming the reason and the option', () => {
    const error = notFound(engine, 'etc/passwd');
    expect(error.tried).toEqual([
      `${join(templates, 'etc', 'passwd')} (Refused: a symlink resolving outside ${templates}; set followSymlinksOutsideDirs to follow it)`,
    ]);
  });

  it('refuses a symlinked file leading outside', () => {
    expect(notFound(engine, 'passwd.html').tried[0]).toContain('Refused: a symlink');
  });

  it('refuses it through {% include %} as well', () => {
    expect(() => engine.getTemplate('include-secret.html').render()).toThrow(TemplateDoesNotExist);
  });

  it('refuses it in application template folders', () => {
    const appEngine = new Engine({ appDirs: [app] });
    expect(notFound(appEngine, 'etc/passwd').tried[0]).toContain('Refused: a symlink');
    const loader = new AppDirectoriesLoader([app]);
    for (const origin of loader.getTemplateSources('etc/passwd')) {
      expect(loader.getContents(origin)).toBeUndefined();
    }
  });

  it('follows symlinks that stay inside, and a template directory that is itself a symlink', () => {
    expect(engine.getTemplate('alias/inner.html').render()).toBe('inner');
    expect(engine.getTemplate('page-link.html').render()).toBe('page');
    const linked = new Engine({ dirs: [join(root, 'linked-templates')] });
    expect(linked.getTemplate('real/inner.html').render()).toBe('inner');
    expect(notFound(linked, 'etc/passwd').tried[0]).toContain('Refused: a symlink');
  });

  it('follows them all with followSymlinksOutsideDirs', () => {
    const trusting = new Engine({ dirs: [templates], followSymlinksOutsideDirs: true });
    expect(trusting.getTemplate('etc/passwd').render()).toBe('root:x:0:0');
    expect(trusting.getTemplate('include-secret.html').render()).toBe('[root:x:0:0]');
    const loader = new FileSystemLoader([templates], { followSymlinksOutsideDirs: true });
    const [origin] = loader.getTemplateSources('passwd.html');
    expect(loader.getContents(origin!)).toBe('root:x:0:0');
    const appLoader = new AppDirectoriesLoader([app], 'templates', {
      followSymlinksOutsideDirs: true,
    });
    expect(appLoader.getContents(appLoader.getTemplateSources('etc/passwd')[0]!)).toBe(
      'root:x:0:0',
    );
  });
});

describe('filesystem errors from a template name', () => {
  const engine = new Engine({ dirs: [templates] });
  const cases: Array<[string, string, string]> = [
    ['ENOTDIR', 'page.html/child.html', 'Source could not be read: ENOTDIR'],
    ['ENAMETOOLONG', `${'a'.repeat(5_000)}.html`, 'Source could not be read: ENAMETOOLONG'],
    ['a NUL byte', 'page.html\0.txt', 'Source does not exist: the name contains a NUL byte'],
    ['ELOOP', 'loop-a', 'Source could not be read: ELOOP'],
    ['EISDIR', 'real', 'Source could not be read: EISDIR'],
    ['ENOENT', 'missing.html', 'Source does not exist'],
  ];
  for (const [label, name, reason] of cases) {
    it(`${label} is TemplateDoesNotExist with the reason`, () => {
      const error = notFound(engine, name);
      expect(error.tried).toEqual([`${join(templates, name)} (${reason})`]);
    });
  }

  it('holds with followSymlinksOutsideDirs too', () => {
    const trusting = new Engine({ dirs: [templates], followSymlinksOutsideDirs: true });
    for (const [, name] of cases)
      expect(() => trusting.getTemplate(name)).toThrow(TemplateDoesNotExist);
  });
});
