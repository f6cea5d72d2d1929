/**
 * `describeReplay()`: the vitest suite every package's `test/django-suite.test.ts` runs — one test
 * per recorded Django test (its failing cases listed), and a summary with a floor on the number of
 * cases found, so an emptied fixture folder cannot pass.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatSummary, loadFixtures, loadSkips } from './files.js';
import { replaySuite, summarize, type Mapper } from './replay.js';

/** Options of {@link describeReplay}. */
export interface ReplayOptions {
  /** The package's name in the summary (`'http'`). */
  name: string;
  /** The describe block's title. */
  title: string;
  /** The package's `test/` folder: fixtures in `fixtures/`, skips in `django-suite/skips.json`. */
  testDir: URL;
  mapper: Mapper;
  /** At least this many recorded cases must be found. */
  minFound: number;
  /** Runs once the replay is over (temporary files to remove). */
  afterReplay?: () => void;
}

/**
 * Replay the package's recorded Django suites and declare their vitest tests.
 *
 * @example
 * await describeReplay({ name: 'urls', title: "Django's own urls tests, replayed", testDir: new URL('./', import.meta.url), mapper: urlsMapper, minFound: 500 });
 */
export async function describeReplay(options: ReplayOptions): Promise<void> {
  const fixtures = loadFixtures(fileURLToPath(new URL('fixtures/', options.testDir)));
  const skips = loadSkips(fileURLToPath(new URL('django-suite/skips.json', options.testDir)));
  const results = await replaySuite(fixtures, options.mapper, skips);
  options.afterReplay?.();

  describe(options.title, () => {
    for (const fixture of fixtures) {
      describe(fixture.module, () => {
        for (const testId of Object.keys(fixture.tests)) {
          it(testId.slice(fixture.module.length + 1), () => {
            const failures = (results.get(testId) ?? []).filter((c) => c.status === 'fail');
            expect(failures.map((c) => `${c.id} ${c.signature}: ${c.reason}`)).toEqual([]);
          });
        }
      });
    }

    it('summary', () => {
      const summary = summarize(results);
      console.log(formatSummary(options.name, summary));
      expect(summary.found).toBeGreaterThan(options.minFound);
    });
  });
}
