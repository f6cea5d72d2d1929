#!/usr/bin/env node
// @ts-check
/**
 * Fails when a package depends on or imports a reins package its layer may not use, imports a
 * reins package its package.json does not declare, reaches out of its folder with a relative
 * import, or imports its public index from inside `internal/` — so the dependency arrows in
 * ARCHITECTURE.md stay true as the code grows. Private packages (apps) may use any reins package
 * they declare.
 *
 * @example
 * node tooling/scripts/check-layers.js
 */
import { fileURLToPath } from 'node:url';
import { allowedDependencies } from './layers.js';
import { findLayerProblems } from './lib/layer-problems.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { problems, checked, files } = findLayerProblems(root, allowedDependencies);

if (problems.length) {
  console.error(`check-layers: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `check-layers: ${checked} packages and the imports of ${files} source files respect the layer table.`,
);
