import { describe, expect, it } from 'vitest';
import { loadCases, runCases } from './run-cases.js';

// Differential test: 1800 templates (300 with extends, blocks and includes; 500 with the rarer tags) generated from a small grammar by fixtures/record-random-cases.py
// (fixed seed), each rendered by Django; reins must give the same output or the same error class.
const fixture = loadCases('random.json');

describe(`random.json (${fixture.generated_by})`, () => {
  it('has the recorded number of cases', () => {
    expect(fixture.cases).toHaveLength(1800);
  });
  runCases(fixture.cases);
});

// The first 600 of them again under autoescape off and string_if_invalid = 'INV(%s)'.
const withOptions = loadCases('random-options.json');

describe(`random-options.json (${withOptions.generated_by})`, () => {
  runCases(withOptions.cases);
});
