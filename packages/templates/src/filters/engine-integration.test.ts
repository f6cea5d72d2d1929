import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.js';
import { SKIPPED, cases, decode, inZone } from './__fixtures__/django-filter-cases.js';

process.env.TZ = 'UTC';

const engine = new Engine();

describe('filters rendered through the engine match Django 3.2', () => {
  // The cases a JS number cannot express are listed, with reasons, in SKIPPED (checked there).
  it.each(cases.filter((c) => !SKIPPED.has(c.name)).map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) =>
      inZone(c.zone, () => {
        const source = `{{ v|${c.filter}${'arg' in c ? ':a' : ''} }}`;
        const template = engine.fromString(
          c.autoescape ? source : `{% autoescape off %}${source}{% endautoescape %}`,
        );
        const context: Record<string, unknown> = {};
        if (c.value !== '$missing') context['v'] = decode(c.value);
        if ('arg' in c) context['a'] = decode(c.arg);
        if (c.error !== undefined) {
          expect(() => template.render(context)).toThrow();
        } else {
          expect(template.render(context)).toBe(c.output);
        }
      }),
  );
});
