import { describe, expect, it } from 'vitest';
import { builtinFilters } from './index.js';
import type { FilterSpec } from './filter-spec.js';
import { localizeValue } from '../internal/number-localize.js';
import { SKIPPED, cases, decode, flags, inZone } from './__fixtures__/django-filter-cases.js';
import { escapeHtml, isSafe, markSafe } from '@reins/core';

process.env.TZ = 'UTC';

/** What the compiler does around a filter: Django's is_safe rule, then {{ }} output. */
function render(spec: FilterSpec, value: unknown, arg: unknown, autoescape: boolean): string {
  let out = spec.fn(value, arg, { autoescape });
  if (spec.isSafe && isSafe(value)) out = markSafe(out);
  if (isSafe(out)) return String(out);
  const text = localizeValue(out);
  return autoescape ? escapeHtml(text) : text;
}

describe('built-in filters against Django 3.2', () => {
  it.each([...SKIPPED])('skipped %s still differs (%s)', (name) => {
    const c = cases.find((candidate) => candidate.name === name)!;
    expect(c).toBeDefined();
    const spec = builtinFilters[c.filter]!;
    let actual: string | Error;
    try {
      actual = render(spec, decode(c.value), 'arg' in c ? decode(c.arg) : undefined, c.autoescape);
    } catch (error) {
      actual = error as Error;
    }
    expect(actual).not.toBe(c.output);
  });

  it('registers exactly the filters Django 3.2 registers', () => {
    expect(Object.keys(builtinFilters).sort()).toEqual(Object.keys(flags).sort());
  });

  it.each(Object.entries(flags))("%s carries Django's flags and arity", (name, expected) => {
    const spec = builtinFilters[name]!;
    expect({
      isSafe: spec.isSafe === true,
      needsAutoescape: spec.needsAutoescape === true,
      expectsLocaltime: spec.expectsLocaltime === true,
      arg: spec.arg,
    }).toEqual(expected);
  });

  it.each(cases.filter((c) => !SKIPPED.has(c.name)).map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) =>
      inZone(c.zone, () => {
        const spec = builtinFilters[c.filter]!;
        const value = c.value === '$missing' ? '' : decode(c.value);
        const arg = 'arg' in c ? decode(c.arg) : undefined;
        if (c.error !== undefined) {
          expect(() => render(spec, value, arg, c.autoescape)).toThrow(
            expect.objectContaining({ name: c.error }) as Error,
          );
        } else {
          expect(render(spec, value, arg, c.autoescape)).toBe(c.output);
        }
      }),
  );
});
