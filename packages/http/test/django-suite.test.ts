/**
 * Django 3.2's own http test suites (httpwrappers, requests, responses, utils_tests/test_http),
 * recorded under Django by tooling/django-suites/record.py, replayed against @reins/http. Every
 * recorded call must agree with Django or be a difference listed, with its reason, in
 * django-suite/skips.json (each one in the README's differences, or an issue being fixed).
 */
import { describeReplay } from '@reins/django-suites';
import { httpMapper, removeTemporaryFiles } from './django-suite/mapper.js';

await describeReplay({
  name: 'http',
  title: "Django's own http tests, replayed",
  testDir: new URL('./', import.meta.url),
  mapper: httpMapper,
  minFound: 1000,
  afterReplay: removeTemporaryFiles,
});
