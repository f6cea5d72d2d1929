#!/usr/bin/env node
/**
 * `npm create reins@latest mysite` / `pnpm create reins mysite`: asks for the name and the package
 * manager when run in a terminal (flags when not: `--pm npm|pnpm`, `--yes`, `--no-install`,
 * `--force`), writes the project, installs it, and says how to start it. Arguments are read with
 * node:util's parseArgs and questions asked with node:readline: no dependency to download before
 * the project's own.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createProject, CreateProjectError, type PackageManager } from './create-project.js';

const USAGE = `Usage: npm create reins@latest [directory] -- [options]
       pnpm create reins [directory] [options]

Options:
  --pm <npm|pnpm>  the package manager to install with (default: the one running this)
  --yes, -y        ask nothing: the directory given (or 'mysite') and the default package manager
  --no-install     write the files only
  --force          write into a non-empty directory, replacing files of the same names
  --help, -h       this text`;

function fail(message: string): never {
  process.stderr.write(`create-reins: ${message}\n`);
  process.exit(1);
}

function runningPackageManager(): PackageManager {
  return (process.env['npm_config_user_agent'] ?? '').startsWith('pnpm/') ? 'pnpm' : 'npm';
}

function parsePm(value: string | undefined): PackageManager | undefined {
  if (value === undefined) return undefined;
  if (value === 'npm' || value === 'pnpm') return value;
  return fail(`--pm takes npm or pnpm, not '${value}'.`);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      pm: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      'no-install': { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (positionals.length > 1)
  fail(`one directory, please; got ${positionals.join(' ')}.\n\n${USAGE}`);

let directory = positionals[0];
let pm = parsePm(values.pm);
if (values.yes !== true && process.stdin.isTTY) {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    if (directory === undefined) {
      directory = (await readline.question('Project name (mysite): ')).trim() || 'mysite';
    }
    if (pm === undefined) {
      const fallback = runningPackageManager();
      pm = parsePm(
        (await readline.question(`Package manager, npm or pnpm (${fallback}): `)).trim() ||
          fallback,
      );
    }
  } finally {
    readline.close();
  }
}
directory ??= 'mysite';
pm ??= runningPackageManager();

try {
  const files = createProject({ directory, packageManager: pm, force: values.force === true });
  process.stdout.write(`Created ${directory} (${files.length} files).\n`);
} catch (error) {
  if (error instanceof CreateProjectError) fail(error.message);
  throw error;
}

if (values['no-install'] !== true) {
  process.stdout.write(`Installing with ${pm}…\n`);
  const install = spawnSync(pm, ['install'], {
    cwd: directory,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (install.status !== 0) {
    fail(`'${pm} install' failed in ${directory}; fix the error above and run it there again.`);
  }
}

const fromHere = relative(process.cwd(), directory) || '.';
const cd = fromHere.startsWith('..') ? resolve(directory) : fromHere;
const dev = pm === 'npm' ? 'npm run dev' : 'pnpm dev';
process.stdout.write(
  `\nDone. Next:\n\n  cd ${cd}\n${values['no-install'] === true ? `  ${pm} install\n` : ''}  ${dev}\n\nthen open http://127.0.0.1:8000/. README.md says what each file is.\n`,
);
