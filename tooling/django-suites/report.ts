/**
 * Prints the per-package table (tests, found, recorded, skipped, passing, failing) of Django's own
 * suites replayed against reins, with the skip reasons. `--failures` lists every failing case.
 * Run: pnpm django-suites:report [--failures] [package…]
 */
import { fileURLToPath } from 'node:url';
import {
  formatSummary,
  loadFixtures,
  loadSkips,
  replaySuite,
  summarize,
  type Mapper,
} from './src/index.js';

const PACKAGES: Record<string, { mapper: () => Promise<Mapper> }> = {
  templates: {
    mapper: async () =>
      (await import('../../packages/templates/test/django-suite/mapper.js')).templatesMapper,
  },
  urls: {
    mapper: async () =>
      (await import('../../packages/urls/test/django-suite/mapper.js')).urlsMapper,
  },
  http: {
    mapper: async () =>
      (await import('../../packages/http/test/django-suite/mapper.js')).httpMapper,
  },
  shortcuts: {
    mapper: async () =>
      (await import('../../packages/shortcuts/test/django-suite/mapper.js')).shortcutsMapper,
  },
  views: {
    mapper: async () =>
      (await import('../../packages/views/test/django-suite/mapper.js')).viewsMapper,
  },
  middleware: {
    mapper: async () =>
      (await import('../../packages/middleware/test/django-suite/mapper.js')).middlewareMapper,
  },
};

const args = process.argv.slice(2);
const showFailures = args.includes('--failures');
const chosen = args.filter((a) => !a.startsWith('--'));
const rows: string[] = [];
for (const name of chosen.length > 0 ? chosen : Object.keys(PACKAGES)) {
  const entry = PACKAGES[name];
  if (entry === undefined)
    throw new Error(
      `No replayed suite for package '${name}'; known: ${Object.keys(PACKAGES).join(', ')}.`,
    );
  const root = new URL(`../../packages/${name}/test/`, import.meta.url);
  const fixtures = loadFixtures(fileURLToPath(new URL('fixtures/', root)));
  const skips = loadSkips(fileURLToPath(new URL('django-suite/skips.json', root)));
  const results = await replaySuite(fixtures, await entry.mapper(), skips);
  rows.push(formatSummary(name, summarize(results)));
  if (showFailures) {
    for (const cases of results.values()) {
      for (const c of cases)
        if (c.status === 'fail') console.log(`${c.id}\t${c.signature}\t${c.reason}`);
    }
  }
}
console.log('| package | tests | found | recorded | skipped | passing | failing |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));
