/**
 * Django 3.2's own template test suites (template_tests/syntax_tests, template_tests/filter_tests),
 * recorded under Django by tooling/django-suites/record.py, replayed against @reins/templates. Every
 * recorded call must agree with Django or be a difference listed, with its reason, in
 * django-suite/skips.json (each one in the README's differences, or an issue being fixed).
 */
import { describeReplay } from '@reins/django-suites';
import { vi } from 'vitest';
import { templatesMapper } from './django-suite/mapper.js';

// Django's test_now compares {% now %} with the day it ran: the fixtures were recorded on
// 2026-12-07 (TZ=UTC; every test_now format is a date without a time), so the replay renders on
// that day too instead of failing from the next midnight on (a new recording moves this date).
// Only Date is frozen.
vi.useFakeTimers({ now: new Date(Date.UTC(2026, 11, 7, 12)), toFake: ['Date'] });
await describeReplay({
  name: 'templates',
  title: "Django's own template tests, replayed",
  testDir: new URL('./', import.meta.url),
  mapper: templatesMapper,
  minFound: 5000,
  afterReplay: () => vi.useRealTimers(),
});
