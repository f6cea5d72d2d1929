#!/usr/bin/env node
// @ts-check
/**
 * Copy the conformance vectors recorded from real Django (`../shared/conformance/*.json`, beside
 * the checkout) into the test fixtures of the packages that run them, so the repository's tests
 * stay self-contained. `--check` only compares, and fails when a copy is stale; without the shared
 * folder (a plain clone) it says so and exits 0, since the committed copies are what tests use.
 *
 * @example
 * node tooling/scripts/sync-conformance.js          # copy
 * node tooling/scripts/sync-conformance.js --check  # verify
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shared = join(root, '..', 'shared', 'conformance');
const copies = {
  'http.json': [
    'packages/http/test/fixtures/http.json',
    'packages/shortcuts/test/fixtures/http.json',
  ],
  'urls.json': ['packages/urls/test/fixtures/urls.json'],
  'templates.json': ['packages/templates/test/fixtures/templates.json'],
};
const check = process.argv.includes('--check');

if (!existsSync(shared)) {
  console.log(`sync-conformance: no ${shared}; the committed fixtures are used as they are.`);
  process.exit(0);
}
let stale = 0;
for (const [source, targets] of Object.entries(copies)) {
  const from = join(shared, source);
  for (const target of targets) {
    const to = join(root, target);
    const same = existsSync(to) && readFileSync(from).equals(readFileSync(to));
    if (same) continue;
    if (check) {
      stale++;
      console.error(
        `sync-conformance: ${target} differs from ../shared/conformance/${source}. Run pnpm sync:conformance.`,
      );
    } else {
      copyFileSync(from, to);
      console.log(`sync-conformance: copied ${source} → ${target}`);
    }
  }
}
if (stale) process.exit(1);
console.log(
  `sync-conformance: fixtures ${check ? 'match' : 'are up to date with'} ../shared/conformance.`,
);
