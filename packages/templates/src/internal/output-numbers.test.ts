import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.js';

// Django's {{ value }} localizes numbers before display (USE_L10N = False defaults), so a float
// never shows exponent notation; answers recorded from Django 3.2.25 by the filters engineer.
describe('{{ number }} output', () => {
  const engine = new Engine({});
  it.each([
    [1e-7, '0.0000001'],
    [1.5e16, '15000000000000000'],
    [34, '34'],
    [2.5, '2.5'],
    [-0.1, '-0.1'],
  ])('renders %s as %s', (value, expected) => {
    expect(engine.fromString('{{ v }}').render({ v: value })).toBe(expected);
  });
});
