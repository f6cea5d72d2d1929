#!/usr/bin/env node
// @ts-check
/**
 * Fails when a page of docs/ names, in backticks, a path under packages/, apps/ or tooling/ that
 * does not exist, or a function (`` `name()` in `path` ``) that file does not define.
 *
 * @example
 * node tooling/scripts/check-docs.js
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokenReferences } from './lib/doc-references.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(root, 'docs');
// Subfolders too (docs/tutorial/).
const pages = existsSync(docs)
  ? readdirSync(docs, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'))
  : [];
const problems = pages.flatMap((name) =>
  brokenReferences(readFileSync(join(docs, name), 'utf8'), `docs/${name}`, root),
);

if (problems.length) {
  console.error(`check-docs: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`check-docs: every path and function named in ${pages.length} docs/ page(s) exists.`);
