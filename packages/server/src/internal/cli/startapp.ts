/**
 * `reins startapp NAME [directory]`: Django's command. It copies app-template/ (urls, views, a
 * template, a test, an empty migrations set) into `src/NAME` (or `directory`), the name filled in,
 * and prints the lines that plug the app into a project made by create-reins: its URLs, its
 * templates folder and its migrations. It edits no project file: those are the user's.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandIo } from './commands.js';
import { processIo } from './commands.js';

// This file is src/internal/cli/startapp.ts, or bundled into dist/cli.js: app-template/ is found
// above either.
function templateDir(): string {
  for (const up of ['../../../app-template', '../app-template']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new Error('The app template of @reins/server is missing; reinstall the package.');
}

const PLACEHOLDER = '__APP__';
const RESERVED = new Set(['app', 'settings', 'urls', 'database', 'migrations', 'test', 'static']);

function fill(dir: string, name: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    let path = join(dir, entry.name);
    if (entry.name.includes(PLACEHOLDER)) {
      const renamed = join(dir, entry.name.replaceAll(PLACEHOLDER, name));
      renameSync(path, renamed);
      path = renamed;
    }
    if (entry.isDirectory()) fill(path, name);
    else writeFileSync(path, readFileSync(path, 'utf8').replaceAll(PLACEHOLDER, name));
  }
}

/** `reins startapp NAME [directory]`; exit code 1 for a bad name or an existing folder. */
export function startapp(
  name: string,
  directory: string | undefined,
  io: CommandIo = processIo,
  cwd = process.cwd(),
): number {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    io.err(
      `CommandError: '${name}' is not a valid app name. Use lower-case letters, digits and underscores, starting with a letter (it is a folder, a URL namespace and a migrations label).`,
    );
    return 1;
  }
  if (RESERVED.has(name)) {
    io.err(
      `CommandError: '${name}' conflicts with a file of the project (src/${name}.ts). Please try another name.`,
    );
    return 1;
  }
  const src = join(cwd, 'src');
  const target = resolve(cwd, directory ?? join(existsSync(src) ? 'src' : '.', name));
  if (existsSync(target) && readdirSync(target).length > 0) {
    io.err(`CommandError: '${relative(cwd, target)}' already exists and is not empty.`);
    return 1;
  }
  cpSync(templateDir(), target, { recursive: true });
  fill(target, name);
  const shown = relative(cwd, target) || '.';
  io.out(
    `Created ${shown}/ (urls.ts, views.ts, templates/${name}/index.html, ${name}.test.ts, migrations/).`,
  );
  io.out('Plug it into the project:');
  io.out('');
  io.out('  src/urls.ts');
  io.out(`    import { urlpatterns as ${name} } from './${name}/urls.js';`);
  io.out(`    path('${name}/', include({ urlpatterns: ${name}, appName: '${name}' })),`);
  io.out('');
  io.out(`  src/settings.ts: add '${name}' to INSTALLED_APPS (its templates folder)`);
  io.out('');
  io.out('  src/migrations.ts');
  io.out(`    import { migrations as ${name} } from './${name}/migrations/index.js';`);
  io.out(`    ${name}, (last in apps)`);
  return 0;
}
