/**
 * More of Django's behaviour, recorded from Django 3.2.25 by `django/record.py` over the urlconf
 * in `fixtures/extra-urlconf.json`: rePath() include prefixes and args merging, search semantics,
 * `$` and trailing newlines, Unicode `\d`, back-references, optional groups in reverse,
 * include-prefix splits Django commits to, kwargs precedence, tried lists, percent-encoding and
 * namespaces with current_app.
 */
import { describe, expect, it } from 'vitest';
import { NoReverseMatch, Resolver404 } from '../src/index.js';
import type { Entry } from './conformance-urlconf.js';
import { build } from './conformance-urlconf.js';
import type { RecordedMatch } from './vector-assertions.js';
import { bothResolvers, caught, expectRecordedMatch } from './vector-assertions.js';
import recorded from './fixtures/extra-django.json' with { type: 'json' };
import urlconf from './fixtures/extra-urlconf.json' with { type: 'json' };

const warn = console.warn;
console.warn = () => undefined;
const resolvers = bothResolvers(build(urlconf.urlpatterns as Entry[]));
console.warn = warn;

interface Tried {
  pattern: string;
  name: string | null;
}

interface Case {
  path: string;
  match?: RecordedMatch & { tried: Tried[][] };
  error?: string;
  remainder?: string;
  tried?: Tried[][] | null;
}

interface ReverseCase {
  viewname: string;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
  current_app?: string;
  url?: string;
  error?: string;
}

expect(recorded.generated_by).toBe('Django 3.2.25');

describe.each(resolvers)('%s', (_kind, resolver) => {
  describe('Django 3.2.25: resolve', () => {
    it.each((recorded.resolve as Case[]).map((c) => [JSON.stringify(c.path), c] as const))(
      '%s',
      (_label, c) => {
        if (c.error !== undefined) {
          const thrown = caught(() => resolver.resolve(c.path));
          expect(Resolver404.isInstance(thrown)).toBe(true);
          const error = thrown as Resolver404;
          expect(error.path).toBe(c.remainder);
          expect(error.hasTried).toBe(c.tried !== null && c.tried !== undefined);
          expect(error.tried).toEqual(c.tried ?? []);
          return;
        }
        const m = c.match!;
        const match = resolver.resolve(c.path);
        expectRecordedMatch(match, m);
        expect(match.tried).toEqual(m.tried);
      },
    );
  });

  describe('Django 3.2.25: reverse', () => {
    it.each((recorded.reverse as ReverseCase[]).map((c, i) => [`${i} ${c.viewname}`, c] as const))(
      '%s',
      (_label, c) => {
        const call = (): string =>
          resolver.reverse(c.viewname, {
            args: c.args,
            kwargs: c.kwargs,
            currentApp: c.current_app,
          });
        if (c.url !== undefined) {
          expect(call()).toBe(c.url);
          expect(call()).toBe(c.url);
          return;
        }
        expect(c.error).toBe('NoReverseMatch');
        expect(call).toThrow(NoReverseMatch);
        expect(call).toThrow(NoReverseMatch);
      },
    );
  });
});
