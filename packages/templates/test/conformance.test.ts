import { describe, expect, it } from 'vitest';
import { loadCases, runCases } from './run-cases.js';

const fixture = loadCases('templates.json');

describe(`templates.json (${fixture.generated_by})`, () => {
  it('has cases', () => {
    expect(fixture.cases.length).toBe(130);
  });

  runCases(fixture.cases, {
    // Django's lorem generator picks random words for every paragraph after the first; the vector
    // holds one random draw. The first (fixed) paragraph must match exactly, the rest its shape.
    'lorem-paragraphs': (output, expected) => {
      const [first, second, ...rest] = output.split('\n\n');
      expect(rest).toEqual([]);
      expect(first).toBe(expected.split('\n\n')[0]);
      expect(second).toMatch(/^<p>(?:[A-Z][a-z]*(?:,? [a-z]+)*[.?] ?)+<\/p>$/);
    },
  });
});
