import { describe, expect, it } from 'vitest';
import { loadCases, runCases } from './run-cases.js';

// Table-driven cases for every built-in tag; inputs in fixtures/tag-cases.json, answers recorded
// from Django by fixtures/record-tag-cases.py into fixtures/tags.json.
const fixture = loadCases('tags.json');

describe(`tags.json (${fixture.generated_by})`, () => {
  it('covers every built-in tag', () => {
    const tags = [
      'autoescape',
      'block',
      'comment',
      'csrf_token',
      'cycle',
      'extends',
      'filter',
      'firstof',
      'for',
      'if',
      'ifchanged',
      'include',
      'load',
      'lorem',
      'now',
      'regroup',
      'resetcycle',
      'spaceless',
      'templatetag',
      'verbatim',
      'widthratio',
      'with',
    ];
    for (const tag of tags) {
      expect(
        fixture.cases.some((c) => c.template.includes(`{% ${tag}`)),
        tag,
      ).toBe(true);
    }
  });

  runCases(fixture.cases, {
    // Words past the fixed opening nineteen are drawn at random by Django and by reins.
    'lorem-words': (output, expected) => {
      const [three, many] = output.split('|') as [string, string];
      expect(three).toBe(expected.split('|')[0]);
      const words = many.split(' ');
      expect(words).toHaveLength(25);
      expect(words.slice(0, 19).join(' ')).toBe(
        expected.split('|')[1]!.split(' ').slice(0, 19).join(' '),
      );
    },
  });
});
