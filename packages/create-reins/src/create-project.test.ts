import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, CreateProjectError, packageNameFor } from './create-project.js';
import { FEATURES } from './features.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'create-reins-'));
  dirs.push(dir);
  return dir;
}

describe('createProject', () => {
  it('writes the project startproject would, in TypeScript', () => {
    const directory = join(scratch(), 'My Site');
    const files = createProject({ directory, packageManager: 'pnpm' });
    expect(files).toEqual(
      expect.arrayContaining([
        '.env',
        '.gitignore',
        'README.md',
        'package.json',
        'tsconfig.json',
        'src/settings.ts',
        'src/urls.ts',
        'src/reins-urls.gen.d.ts',
        'src/app.ts',
        'src/database.ts',
        'src/migrations.ts',
        'src/pages/urls.ts',
        'src/pages/views.ts',
        'src/pages/pages.test.ts',
        'src/pages/migrations/0001_initial.ts',
        'src/pages/templates/pages/home.html',
        'templates/base.html',
        'templates/404.html',
        'static/style.css',
      ]),
    );
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
      name: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
      pnpm?: unknown;
    };
    expect(manifest.name).toBe('my-site');
    expect(Object.keys(manifest.scripts).sort()).toEqual(
      ['build', 'check', 'dev', 'migrate', 'start', 'test', 'typegen'].sort(),
    );
    expect(Object.keys(manifest.dependencies)).toEqual(
      expect.arrayContaining(['@reins/server', '@reins/sessions', 'kysely', 'better-sqlite3']),
    );
    expect(manifest.pnpm).toEqual({ onlyBuiltDependencies: ['better-sqlite3', 'esbuild'] });
    expect(readFileSync(join(directory, '.env'), 'utf8')).toMatch(
      /^REINS_SECRET_KEY=[A-Za-z0-9_-]{60,}$/m,
    );
    expect(readFileSync(join(directory, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    const readme = readFileSync(join(directory, 'README.md'), 'utf8');
    expect(readme).toContain('pnpm dev');
    expect(readme).toMatch(/^# My Site\n/);
    expect(readme).toContain('- sessions: `SessionMiddleware` from `@reins/sessions`\n');
    expect(readme).not.toMatch(/__[A-Z_]+__|\*\*[A-Z_]+\*\*/);
  });

  it("lists the middleware in Django's default order, with the features switched on", () => {
    const directory = join(scratch(), 'site');
    createProject({ directory });
    const settings = readFileSync(join(directory, 'src/settings.ts'), 'utf8');
    const order = [
      'staticFilesMiddleware(staticfiles)',
      'SecurityMiddleware',
      'SessionMiddleware',
      'CommonMiddleware',
      'CsrfViewMiddleware',
      'AuthenticationMiddleware.with({ backends: [new ModelBackend({ db: database() })] })',
      'MessageMiddleware',
      'XFrameOptionsMiddleware',
    ].map((name) => settings.indexOf(`    ${name},`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(settings).not.toContain('__');
    expect(settings).toContain(
      "import { AuthenticationMiddleware, ModelBackend, authContextProcessor } from '@reins/auth';",
    );
    expect(settings).toContain(
      "import { MessageMiddleware, messagesContextProcessor } from '@reins/messages';",
    );
    expect(settings).toContain(
      '        contextProcessors: [authContextProcessor, messagesContextProcessor],\n',
    );
    const migrations = readFileSync(join(directory, 'src/migrations.ts'), 'utf8');
    expect(migrations).toContain("import { authMigrations } from '@reins/auth';");
    expect(migrations.indexOf('sessions: sessionsMigrations')).toBeLessThan(
      migrations.indexOf('auth: authMigrations'),
    );
    expect(migrations.indexOf('auth: authMigrations')).toBeLessThan(migrations.indexOf('pages,'));
    const manifest = readFileSync(join(directory, 'package.json'), 'utf8');
    expect(manifest).toContain('"@reins/auth"');
    expect(manifest).toContain('"@reins/messages"');
  });

  it('switches a package off with its one entry: import, middleware, migrations, dependency', () => {
    const directory = join(scratch(), 'site');
    const auth = FEATURES.find((feature) => feature.package === '@reins/auth');
    expect(auth?.enabled).toBe(true);
    createProject({
      directory,
      features: FEATURES.filter((feature) => feature.enabled && feature !== auth),
    });
    const settings = readFileSync(join(directory, 'src/settings.ts'), 'utf8');
    expect(settings).not.toContain('@reins/auth');
    expect(settings).not.toContain('AuthenticationMiddleware');
    expect(settings).toContain('        contextProcessors: [messagesContextProcessor],\n');
    expect(settings.indexOf('    CsrfViewMiddleware,')).toBeLessThan(
      settings.indexOf('    MessageMiddleware,'),
    );
    const migrations = readFileSync(join(directory, 'src/migrations.ts'), 'utf8');
    expect(migrations).not.toContain('authMigrations');
    expect(migrations).toContain('sessions: sessionsMigrations');
    const manifest = readFileSync(join(directory, 'package.json'), 'utf8');
    expect(manifest).not.toContain('"@reins/auth"');
  });

  it('writes no context processors when no feature has one', () => {
    const directory = join(scratch(), 'site');
    createProject({
      directory,
      features: FEATURES.filter((feature) => feature.contextProcessors === undefined),
    });
    const settings = readFileSync(join(directory, 'src/settings.ts'), 'utf8');
    expect(settings).not.toContain('contextProcessors');
    expect(settings).not.toContain('MessageMiddleware');
  });

  it('never writes into a non-empty directory without force', () => {
    const directory = scratch();
    writeFileSync(join(directory, 'notes.txt'), 'mine');
    expect(() => createProject({ directory })).toThrow(CreateProjectError);
    expect(() => createProject({ directory })).toThrow(/is not empty.*--force/);
    expect(createProject({ directory, force: true })).toContain('src/app.ts');
    expect(readFileSync(join(directory, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it.each([
    ['mysite', 'mysite'],
    ['My Site', 'my-site'],
    ['.hidden', 'hidden'],
    ['***', 'reins-project'],
  ])('names the package of %j %j', (name, expected) => {
    expect(packageNameFor(name)).toBe(expected);
  });
});
