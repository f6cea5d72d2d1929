/** Shared runner for recorded template vectors (`{ generated_by, cases }` files in fixtures/). */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  Engine,
  markSafe,
  TemplateDoesNotExist,
  TemplateSyntaxError,
  VariableDoesNotExist,
} from '../src/index.js';
import { testReverse } from './test-reverse.js';

export interface Case {
  name: string;
  template: string;
  templates?: Record<string, string>;
  context: unknown;
  autoescape?: boolean;
  stringIfInvalid?: string;
  output?: string;
  error?: string;
}

export function loadCases(file: string): { generated_by: string; cases: Case[] } {
  return JSON.parse(readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8')) as {
    generated_by: string;
    cases: Case[];
  };
}

/** Turn the JSON encodings of Python values back into what a JS caller would pass. */
export function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record['$date'] === 'string') {
      const [date, time] = record['$date'].split('T') as [string, string];
      const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
      const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
      return new Date(y, mo - 1, d, h, mi, s);
    }
    if (typeof record['$safe'] === 'string') return markSafe(record['$safe']);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

function errorMatches(error: unknown, expected: string): boolean {
  if (expected === 'TemplateSyntaxError') return TemplateSyntaxError.isInstance(error);
  if (expected === 'TemplateDoesNotExist') return TemplateDoesNotExist.isInstance(error);
  if (expected === 'VariableDoesNotExist') return VariableDoesNotExist.isInstance(error);
  return (error as { name?: unknown }).name === expected;
}

/** A case whose exact output cannot be reproduced: what can be asserted instead. */
export type PartialCheck = (output: string, expected: string) => void;

/** Register one `it` per case, rendering each both synchronously and asynchronously. */
export function runCases(cases: Case[], partial: Record<string, PartialCheck> = {}): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const engine = new Engine({
      templates: c.templates ?? {},
      autoescape: c.autoescape ?? true,
      stringIfInvalid: c.stringIfInvalid ?? '',
      reverse: testReverse,
    });
    const render = (): string =>
      engine.fromString(c.template).render(revive(c.context) as Record<string, unknown>);
    const renderAsync = async (): Promise<string> =>
      engine.fromString(c.template).renderAsync(revive(c.context) as Record<string, unknown>);
    if (c.error !== undefined) {
      let thrown: unknown;
      try {
        render();
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `expected ${c.error}`).toBeDefined();
      expect(errorMatches(thrown, c.error), String(thrown)).toBe(true);
      await expect(renderAsync()).rejects.toSatisfy((error: unknown) =>
        errorMatches(error, c.error!),
      );
      return;
    }
    const check = partial[c.name];
    if (check !== undefined) {
      check(render(), c.output!);
      check(await renderAsync(), c.output!);
      return;
    }
    expect(render()).toBe(c.output);
    expect(await renderAsync()).toBe(c.output);
  });
}
