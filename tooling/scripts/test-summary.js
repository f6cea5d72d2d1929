#!/usr/bin/env node
// @ts-check
/**
 * Read a turbo run's output on stdin, echo it, and close with one line that adds up every vitest
 * project's "Tests" line — `tests: N passed, N failed` — so a CI log says in one place how many
 * tests ran. Exits non-zero when no test ran at all.
 *
 * @example
 * pnpm test 2>&1 | node tooling/scripts/test-summary.js
 */
import { createInterface } from 'node:readline';

let passed = 0;
let failed = 0;
let skipped = 0;
let files = 0;
// Vitest prints e.g. " Tests  3 failed | 120 passed | 2 skipped (125)"; turbo prefixes the task.
const testsLine = /\bTests\s+(.*)\((\d+)\)\s*$/;
const strip = (/** @type {string} */ s) => s.replace(/\x1b\[[0-9;]*m/g, '');

for await (const raw of createInterface({ input: process.stdin })) {
  process.stdout.write(raw + '\n');
  const match = testsLine.exec(strip(raw));
  if (!match) continue;
  files++;
  for (const part of match[1].split('|')) {
    const [count, kind] = part.trim().split(/\s+/);
    const n = Number(count);
    if (kind === 'passed') passed += n;
    else if (kind === 'failed') failed += n;
    else if (kind === 'skipped' || kind === 'todo') skipped += n;
  }
}
console.log(`\ntest projects: ${files}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed + failed === 0) {
  console.error('test-summary: no test ran.');
  process.exit(1);
}
