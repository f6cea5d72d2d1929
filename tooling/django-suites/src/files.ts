/**
 * Reading a package's fixtures and skip list, and printing its summary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteSummary } from './replay.js';
import type { SkipList, SuiteFixture } from './trace.js';

/** Every `django-suite-*.json` fixture in a directory, in name order. */
export function loadFixtures(dir: string): SuiteFixture[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith('django-suite-') && name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as SuiteFixture);
}

/** A skip list file (`{ "apis": {…}, "cases": {…}, "unstable": {…} }`). */
export function loadSkips(path: string): SkipList {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<SkipList>;
  return { apis: raw.apis ?? {}, cases: raw.cases ?? {}, unstable: raw.unstable ?? {} };
}

/** A Markdown table row per package and the skip reasons under it. */
export function formatSummary(name: string, s: SuiteSummary): string {
  const skipped = Object.values(s.skipped).reduce((a, b) => a + b, 0);
  const lines = [
    `| ${name} | ${s.tests} | ${s.found} | ${s.recorded} | ${skipped} | ${s.passing} | ${s.failing} |`,
    '',
  ];
  for (const [reason, n] of Object.entries(s.skipped).sort((a, b) => b[1] - a[1]))
    lines.push(`- skipped ${n}: ${reason}`);
  for (const [reason, n] of Object.entries(s.unrecordable).sort((a, b) => b[1] - a[1]))
    lines.push(`- not recordable ${n}: ${reason}`);
  return lines.join('\n');
}
