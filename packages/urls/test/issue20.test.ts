/**
 * The two URL differences issue #20 found in Django's own suites, replayed against what Django
 * answered (test/fixtures/issue20.json, recorded by test/fixtures/record-issue20.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ConverterRegistry,
  createResolver,
  ImproperlyConfigured,
  NoReverseMatch,
  path,
  type Converter,
} from '../src/index.js';

interface Outcome {
  output?: string;
  error?: string;
  message?: string;
}
interface Fixture {
  generated_by: string;
  to_url: ({ name: 'value' | 'type'; kwargs: { n: number } } & Outcome)[];
  non_callable_view: Outcome;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/issue20.json', import.meta.url), 'utf8'),
) as Fixture;

// Python's ValueError is any other error in JavaScript; its TypeError is JavaScript's.
function raising(error: new (message: string) => Error): Converter<number> {
  return {
    regex: '[0-9]+',
    toJs: Number,
    toUrl: (value) => {
      if (value === 0) throw new error('refused');
      return String(value);
    },
  };
}

const converters = new ConverterRegistry()
  .register('valueerror', raising(RangeError))
  .register('typeerror', raising(TypeError));
const view = (): null => null;
const resolver = createResolver([
  path('v/<valueerror:n>/', view, { name: 'value', converters }),
  path('t/<typeerror:n>/', view, { name: 'type', converters }),
]);

describe(`issue #20, replayed against ${fixture.generated_by}`, () => {
  it.each(fixture.to_url.map((c) => [`${c.name} ${c.kwargs.n}`, c] as const))(
    'a converter toUrl error: only a TypeError propagates out of reverse(): %s',
    (_name, c) => {
      const run = () => resolver.reverse(c.name, { kwargs: c.kwargs });
      if (c.output !== undefined) {
        expect(run()).toBe(c.output);
      } else if (c.error === 'TypeError') {
        expect(run).toThrow(new TypeError(c.message));
      } else {
        expect(c.error).toBe('NoReverseMatch');
        expect(run).toThrow(NoReverseMatch);
      }
    },
  );

  it('a non-callable view is refused at declaration (ImproperlyConfigured, a documented difference)', () => {
    expect(fixture.non_callable_view.error).toBe('TypeError');
    expect(() => path('x/', 'not a view' as never)).toThrow(ImproperlyConfigured);
  });
});
