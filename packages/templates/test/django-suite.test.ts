/**
 * Django 3.2's own template test suites (template_tests/syntax_tests, template_tests/filter_tests),
 * recorded under Django by tooling/django-suites/record.py, replayed against @reins/templates. Every
 * recorded call must agree with Django or be a difference listed, with its reason, in
 * django-suite/skips.json (each one in the README's differences, or an issue being fixed).
 */
import {
  formatSummary,
  loadFixtures,
  loadSkips,
  replaySuite,
  summarize,
} from '@reins/django-suites';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templatesMapper } from './django-suite/mapper.js';

const fixtures = loadFixtures(fileURLToPath(new URL('./fixtures/', import.meta.url)));
const skips = loadSkips(fileURLToPath(new URL('./django-suite/skips.json', import.meta.url)));
const results = await replaySuite(fixtures, templatesMapper, skips);

describe("Django's own template tests, replayed", () => {
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
    console.log(formatSummary('templates', summary));
    expect(summary.found).toBeGreaterThan(5000);
  });
});
