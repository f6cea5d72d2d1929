#!/usr/bin/env node
// @ts-check
/**
 * Create a new published package from the template every reins package was made from:
 * package.json with the exports map, the tsconfig pair, the tsup and vitest one-liners, a source
 * file with its test, and a README. Remember to add the package's layer to layers.js.
 *
 * @example
 * pnpm new-package cache "Django's cache framework for reins."
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true });
const [name, description = `The ${positionals[0]} package of reins.`] = positionals;
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error(
    `Usage: pnpm new-package <name> [description]. Got ${JSON.stringify(name)}; use lower-case letters, digits and '-'.`,
  );
  process.exit(1);
}
const root = fileURLToPath(new URL('../..', import.meta.url));
const target = join(root, 'packages', name);
if (existsSync(target)) {
  console.error(`packages/${name} already exists. Choose another name or edit it by hand.`);
  process.exit(1);
}
cpSync(fileURLToPath(new URL('./templates/package', import.meta.url)), target, { recursive: true });

/** @param {string} dir */
function fill(dir) {
  for (const entry of readdirSync(dir)) {
    const file = join(dir, entry);
    if (statSync(file).isDirectory()) fill(file);
    else
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replaceAll('__NAME__', name)
          .replaceAll('__DESCRIPTION__', description),
      );
  }
}
fill(target);
console.log(
  `Created packages/${name}. Next: add '@reins/${name}' to tooling/scripts/layers.js, then pnpm install.`,
);
