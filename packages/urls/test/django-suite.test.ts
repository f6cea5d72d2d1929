/**
 * Django 3.2's own urls test suites (urlpatterns, urlpatterns_reverse),
 * recorded under Django by tooling/django-suites/record.py, replayed against @reins/urls. Every
 * recorded call must agree with Django or be a difference listed, with its reason, in
 * django-suite/skips.json (each one in the README's differences, or an issue being fixed).
 */
import { describeReplay } from '@reins/django-suites';
import { urlsMapper } from './django-suite/mapper.js';

await describeReplay({
  name: 'urls',
  title: "Django's own urls tests, replayed",
  testDir: new URL('./', import.meta.url),
  mapper: urlsMapper,
  minFound: 500,
});
