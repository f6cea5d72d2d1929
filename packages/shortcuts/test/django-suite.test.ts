/**
 * Django 3.2's own shortcuts tests (tests/shortcuts/tests.py), recorded under Django by
 * tooling/django-suites/record.py, replayed against @reins/shortcuts. Every recorded exchange must
 * agree with Django or be a difference listed, with its reason, in django-suite/skips.json.
 */
import { describeReplay } from '@reins/django-suites';
import { setTemplates } from '../src/index.js';
import { shortcutsMapper } from './django-suite/mapper.js';

await describeReplay({
  name: 'shortcuts',
  title: "Django's own shortcuts tests, replayed",
  testDir: new URL('./', import.meta.url),
  mapper: shortcutsMapper,
  minFound: 3,
  afterReplay: () => setTemplates(null),
});
