#!/usr/bin/env node
// @ts-check
/**
 * Fails when a published package depends on a reins package its layer may not use, so the
 * dependency arrows in ARCHITECTURE.md stay true as the code grows. Private packages (apps,
 * tooling) may use anything.
 *
 * @example
 * node tooling/scripts/check-layers.js
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowedDependencies } from './layers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const problems = [];
const toolingPackages = new Set(
  readdirSync(join(root, 'tooling')).map((folder) => {
    const path = join(root, 'tooling', folder, 'package.json');
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).name : '';
  }),
);
let checked = 0;

for (const folder of readdirSync(join(root, 'packages'))) {
  const manifestPath = join(root, 'packages', folder, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  checked++;
  const allowed = allowedDependencies[manifest.name];
  if (!allowed) {
    problems.push(
      `${manifest.name} (packages/${folder}) has no layer. Add it to tooling/scripts/layers.js and ARCHITECTURE.md.`,
    );
    continue;
  }
  if (manifest.name !== `@reins/${folder}`) {
    problems.push(
      `packages/${folder} is named '${manifest.name}'; a package folder must be its unscoped name.`,
    );
  }
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
    'devDependencies',
  ]) {
    for (const dep of Object.keys(manifest[field] ?? {})) {
      if (!dep.startsWith('@reins/') || toolingPackages.has(dep)) continue;
      if (!allowed.includes(dep)) {
        problems.push(
          `${manifest.name} depends on '${dep}' (${field}), but its layer allows only ${
            allowed.length ? allowed.map((d) => `'${d}'`).join(', ') : 'no reins package'
          }. Move the shared code down a layer or change the table in ARCHITECTURE.md first.`,
        );
      }
    }
  }
}

if (problems.length) {
  console.error(`check-layers: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`check-layers: ${checked} packages respect the layer table.`);
