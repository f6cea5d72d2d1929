/**
 * Django 3.2's own template test suites (template_tests/syntax_tests, template_tests/filter_tests),
 * recorded under Django by tooling/django-suites/record.py, replayed against @reins/templates. Every
 * recorded call must agree with Django or be a difference listed, with its reason, in
 * django-suite/skips.json (each one in the README's differences, or an issue being fixed).
 */
import { describeReplay } from '@reins/django-suites';
import { templatesMapper } from './django-suite/mapper.js';

await describeReplay({
  name: 'templates',
  title: "Django's own template tests, replayed",
  testDir: new URL('./', import.meta.url),
  mapper: templatesMapper,
  minFound: 5000,
});
