/**
 * Writing a new project: the template folder copied with its placeholders filled, the settings'
 * imports, middleware and migration sets from the features switched on, a package.json with the
 * project's dependencies, and a `.env` holding a fresh secret key (as `startproject` writes one).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURES, type Feature } from './features.js';
import { reinsVersions, THIRD_PARTY } from './versions.js';

/** The package managers the generated scripts and instructions are written for. */
export type PackageManager = 'npm' | 'pnpm';

/** Options of {@link createProject}. */
export interface CreateProjectOptions {
  /** Where to write the project (created if missing). */
  directory: string;
  /** The project's name; default: the directory's name. */
  name?: string;
  /** The package manager its README and scripts speak of. Default `'npm'`. */
  packageManager?: PackageManager;
  /** Write into a non-empty directory, replacing files of the same names. */
  force?: boolean;
  /** The features to use; default: every feature switched on in {@link FEATURES}. */
  features?: readonly Feature[];
}

/** The project could not be written where asked. */
export class CreateProjectError extends Error {
  readonly code = 'create_reins.directory';
  constructor(message: string) {
    super(message);
    this.name = 'CreateProjectError';
  }
}

const TEMPLATE = fileURLToPath(new URL('../template', import.meta.url));
// npm drops .gitignore files from published packages, so the template keeps it under another name.
const RENAMED: Readonly<Record<string, string>> = { _gitignore: '.gitignore' };

/** A name npm accepts for the project's package.json, from the folder's name. */
export function packageNameFor(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return cleaned === '' ? 'reins-project' : cleaned;
}

function importLines(features: readonly Feature[]): string {
  const byPackage = new Map<string, string[]>();
  for (const feature of features) {
    const names = byPackage.get(feature.package) ?? [];
    for (const name of feature.names) if (!names.includes(name)) names.push(name);
    byPackage.set(feature.package, names);
  }
  byPackage.set('@reins/server', ['type Settings']);
  return [...byPackage]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([pkg, names]) =>
      names.every((name) => name.startsWith('type '))
        ? `import type { ${names.map((name) => name.slice(5)).join(', ')} } from '${pkg}';`
        : `import { ${names.join(', ')} } from '${pkg}';`,
    )
    .join('\n');
}

function dependencies(features: readonly Feature[]): {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
} {
  const versions = reinsVersions();
  const reins = new Set([
    '@reins/http',
    '@reins/server',
    '@reins/shortcuts',
    '@reins/urls',
    ...features.map((feature) => feature.package),
  ]);
  const dependencies: Record<string, string> = {};
  for (const name of [...reins].sort()) dependencies[name] = versions[name] ?? 'latest';
  for (const name of ['better-sqlite3', 'kysely']) dependencies[name] = THIRD_PARTY[name] ?? '*';
  const devDependencies: Record<string, string> = {};
  for (const name of ['@types/better-sqlite3', '@types/node', 'tsx', 'typescript', 'vitest']) {
    devDependencies[name] = THIRD_PARTY[name] ?? '*';
  }
  return { dependencies, devDependencies };
}

// A generated block stands on a line of its own as a comment, so the template stays valid
// TypeScript (formatted and parsed like any file); other placeholders are replaced in place.
function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text
    .replace(/^[ \t]*\/\/ (__[A-Z_]+__)\n/gm, (line, placeholder: string) => {
      const value = values[placeholder];
      if (value === undefined) return line;
      return value === '' ? '' : `${value}\n`;
    })
    .replace(/__[A-Z_]+__/g, (placeholder) => values[placeholder] ?? placeholder);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Write a new project into `options.directory`; returns the files written, relative to it.
 *
 * @throws CreateProjectError when the directory is not empty and `force` is not set.
 * @example
 * createProject({ directory: 'mysite', packageManager: 'pnpm' });
 */
export function createProject(options: CreateProjectOptions): string[] {
  const directory = resolve(options.directory);
  if (existsSync(directory) && readdirSync(directory).length > 0 && options.force !== true) {
    throw new CreateProjectError(
      `The directory '${options.directory}' is not empty. Choose a new name, or pass --force to write into it (files of the same names are replaced).`,
    );
  }
  const name = options.name ?? basename(directory);
  const pm = options.packageManager ?? 'npm';
  const features = options.features ?? FEATURES.filter((feature) => feature.enabled);
  const run = (script: string): string => (pm === 'npm' ? `npm run ${script}` : `pnpm ${script}`);
  const values: Record<string, string> = {
    __PROJECT_NAME__: name,
    __PACKAGE_NAME__: packageNameFor(name),
    __IMPORTS__: importLines(features),
    __MIDDLEWARE__: features.map((feature) => `    ${feature.middleware},`).join('\n'),
    __MIGRATION_IMPORTS__: features
      .flatMap((f) => (f.migrations ? [f.migrations.import] : []))
      .join('\n'),
    __MIGRATION_APPS__: features
      .flatMap((f) => (f.migrations ? [`    ${f.migrations.entry},`] : []))
      .join('\n'),
    __TEMPLATE_OPTIONS__: (() => {
      const processors = features.flatMap((feature) => feature.contextProcessors ?? []);
      return processors.length === 0
        ? ''
        : `        contextProcessors: [${processors.join(', ')}],`;
    })(),
    __FEATURES__: features
      .map((feature) => `- ${feature.name}: \`${feature.middleware}\` from \`${feature.package}\``)
      .join('\n'),
    __INSTALL__: pm === 'npm' ? 'npm install' : 'pnpm install',
    __DEV__: run('dev'),
    __TEST__: pm === 'npm' ? 'npm test' : 'pnpm test',
    __BUILD__: run('build'),
    __START__: pm === 'npm' ? 'npm start' : 'pnpm start',
    __CHECK__: run('check'),
    __MIGRATE__: run('migrate'),
    __TYPEGEN__: run('typegen'),
    __EXEC__: pm === 'npm' ? 'npx' : 'pnpm exec',
  };
  const written: string[] = [];
  for (const source of walk(TEMPLATE)) {
    const from = relative(TEMPLATE, source);
    const to = join(dirname(from), RENAMED[basename(from)] ?? basename(from));
    let text = fill(readFileSync(source, 'utf8'), values);
    if (to === 'package.json') {
      const manifest = JSON.parse(text) as Record<string, unknown>;
      Object.assign(manifest, dependencies(features));
      // pnpm runs a dependency's build script only when listed; better-sqlite3 compiles its addon.
      if (pm === 'pnpm')
        manifest['pnpm'] = { onlyBuiltDependencies: ['better-sqlite3', 'esbuild'] };
      text = `${JSON.stringify(manifest, null, 2)}\n`;
    }
    mkdirSync(join(directory, dirname(to)), { recursive: true });
    writeFileSync(join(directory, to), text);
    written.push(to);
  }
  writeFileSync(
    join(directory, '.env'),
    [
      "# This machine's settings, read by src/settings.ts; git-ignored. Production sets its own",
      '# environment instead (REINS_DEBUG off, its own secret key).',
      `REINS_SECRET_KEY=${randomBytes(50).toString('base64url')}`,
      'REINS_DEBUG=1',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  written.push('.env');
  return written.sort();
}
