/**
 * Django 3.2's own middleware suites (middleware/tests.py, middleware/test_security.py,
 * csrf_tests/tests.py), recorded under Django by tooling/django-suites/record.py, replayed against
 * @reins/middleware. Every recorded call must agree with Django or be a difference listed, with its
 * reason, in django-suite/skips.json (each one in the README's differences).
 */
import { describeReplay } from '@reins/django-suites';
import { middlewareMapper } from './django-suite/mapper.js';

await describeReplay({
  name: 'middleware',
  title: "Django's own middleware tests, replayed",
  testDir: new URL('./', import.meta.url),
  mapper: middlewareMapper,
  minFound: 250,
});
