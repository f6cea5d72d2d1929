/**
 * Django 3.2's own generic_views tests (tests/generic_views/test_*.py), recorded under Django by
 * tooling/django-suites/record.py, replayed against @reins/views. Every recorded exchange must
 * agree with Django or be a difference listed, with its reason, in django-suite/skips.json (each
 * one in the README's differences). Views over Django models are "not recordable: needs Django's
 * ORM".
 */
import { describeReplay } from '@reins/django-suites';
import { setDefaultUrlconf, setTemplates } from '@reins/shortcuts';
import { viewsMapper } from './django-suite/mapper.js';

await describeReplay({
  name: 'views',
  title: "Django's own generic_views tests, replayed",
  testDir: new URL('./', import.meta.url),
  mapper: viewsMapper,
  minFound: 200,
  afterReplay: () => {
    setTemplates(null);
    setDefaultUrlconf(null);
  },
});
