#!/usr/bin/env node
/* global process, URL */
// The `reins` command. It exists before the package is built, so a package manager can link it on
// a fresh install of the repository: with dist/ it runs the built CLI; in a checkout not built yet,
// it runs the TypeScript source through tsx, with the sibling packages' sources (@reins/source).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  let tsx;
  try {
    tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  } catch {
    process.stderr.write(
      'reins: this copy of @reins/server is not built (no dist/cli.js) and tsx is not installed to run its source. Run `pnpm build` in the repository.\n',
    );
    process.exit(1);
  }
  const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--conditions=@reins/source', '--import', tsx, source, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 1 : 128);
  });
}
