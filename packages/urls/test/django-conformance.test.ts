import { describe, expect, it } from 'vitest';
import { NoReverseMatch, Resolver404 } from '../src/index.js';
import { conformance, urlpatterns } from './conformance-urlconf.js';
import type { RecordedMatch } from './vector-assertions.js';
import { bothResolvers, caught, expectRecordedMatch } from './vector-assertions.js';

const resolvers = bothResolvers(urlpatterns);

interface ResolveCase {
  path: string;
  match?: RecordedMatch;
  error?: string;
}

interface ReverseCase {
  viewname: string;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
  current_app?: string;
  url?: string;
  error?: string;
  message?: string;
}

describe.each(resolvers)('%s', (_kind, resolver) => {
  describe('conformance: resolve (Django 3.2.25 vectors)', () => {
    it.each((conformance.resolve as ResolveCase[]).map((c) => [c.path, c] as const))(
      '%s',
      (_path, c) => {
        if (c.error !== undefined) {
          expect(c.error).toBe('Resolver404');
          expect(Resolver404.isInstance(caught(() => resolver.resolve(c.path)))).toBe(true);
          expect(resolver.match(c.path)).toBeNull();
          return;
        }
        const m = c.match!;
        const match = resolver.resolve(c.path);
        expectRecordedMatch(match, m);
        expect(match.appName).toBe(m.app_names.join(':'));
        expect(match.namespace).toBe(m.namespaces.join(':'));
      },
    );
  });

  describe('conformance: reverse (Django 3.2.25 vectors)', () => {
    it.each(
      (conformance.reverse as ReverseCase[]).map((c, i) => [`${i} ${c.viewname}`, c] as const),
    )('%s', (_label, c) => {
      const call = (): string =>
        resolver.reverse(c.viewname, {
          args: c.args,
          kwargs: c.kwargs,
          currentApp: c.current_app ?? null,
        });
      if (c.url !== undefined) {
        expect(call()).toBe(c.url);
        // Again: the same name a second time takes the cached fast path.
        expect(call()).toBe(c.url);
        return;
      }
      expect(call).toThrow();
      const thrown = caught(call);
      if (c.error === 'ValueError') {
        // Django's ValueError for mixing args and kwargs is a TypeError here (a caller bug).
        expect(thrown).toBeInstanceOf(TypeError);
        expect((thrown as Error).message).toMatch(/Don't mix args and kwargs/);
        return;
      }
      expect(c.error).toBe('NoReverseMatch');
      expect(NoReverseMatch.isInstance(thrown)).toBe(true);
      const error = thrown as NoReverseMatch;
      // Messages name the view, the arguments (as JavaScript values) and every pattern tried,
      // rather than copying Django's Python reprs (see the README).
      const view = c.viewname.split(':').pop()!;
      if (/is not a registered namespace/.test(c.message!)) {
        expect(error.message).toContain(c.message!);
        return;
      }
      expect(error.message).toContain(`Reverse for '${view}'`);
      const tried = /(\d+) pattern\(s\) tried/.exec(c.message!);
      if (tried !== null) {
        expect(error.patternsTried).toHaveLength(Number(tried[1]));
        for (const value of Object.values(c.kwargs ?? {})) {
          expect(error.message).toContain(typeof value === 'string' ? `'${value}'` : String(value));
        }
      } else {
        expect(error.message).toContain('is not a valid view function or pattern name');
      }
    });
  });
});
