/**
 * Safety properties: resolve() never throws anything but Resolver404 (any string, any junk),
 * huge paths resolve quickly (no super-linear matching in the built-in converters), and
 * resolve(reverse(name, args)) gives back the view and the arguments for generated values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { View } from '../src/index.js';
import { createResolver, include, path, rePath, Resolver404 } from '../src/index.js';

function named(name: string): View {
  const view: View = () => name;
  Object.defineProperty(view, 'name', { value: name });
  return view;
}

const urlpatterns = [
  path('', named('home'), { name: 'home' }),
  path('search/', named('search'), { name: 'search' }),
  path('<str:name>/', named('greet'), { name: 'greet' }),
  path('articles/<int:year>/<slug:slug>/', named('article'), { name: 'article' }),
  path('users/<uuid:id>/', named('user'), { name: 'user' }),
  path('files/<path:rest>', named('file'), { name: 'file' }),
  path(
    'blog/<slug:blog>/',
    include({ urlpatterns: [path('<int:pk>/', named('post'), { name: 'post' })], appName: 'blog' }),
  ),
  rePath('^archive/(?P<year>[0-9]{4})/(?P<title>[^/]+)/$', named('archive'), { name: 'archive' }),
  rePath('^legacy/([0-9]+)/([a-z]+)/$', named('legacy'), { name: 'legacy' }),
  path('t/<str:a>-<str:b>/', named('pair'), { name: 'pair' }),
];
const resolver = createResolver(urlpatterns);

describe('resolve() on hostile input', () => {
  it('throws only Resolver404 for any Unicode string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.string({ unit: 'binary', maxLength: 60 }),
        ),
        (raw) => {
          for (const p of [raw, `/${raw}`, `/${raw}/`, `/files/${raw}`, `/articles/${raw}/x/`]) {
            try {
              resolver.resolve(p);
            } catch (error) {
              expect(Resolver404.isInstance(error)).toBe(true);
              expect(Array.isArray((error as Resolver404).tried)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('throws only Resolver404 for values that are not strings', () => {
    const junk: unknown[] = [
      null,
      undefined,
      42,
      {},
      [],
      Symbol('x'),
      {
        toString: () => {
          throw new Error('boom');
        },
      },
    ];
    for (const value of junk) {
      expect(() => resolver.resolve(value as string)).toThrow(Resolver404);
    }
  });

  it('resolves a 32 KB path without super-linear work', () => {
    // Each is a shape that makes naive regexes backtrack: long runs that almost match.
    const long = 'a'.repeat(32 * 1024);
    const paths = [
      `/${long}`,
      `/${long}/`,
      `/files/${long}`,
      `/articles/${'1'.repeat(32 * 1024)}/x`,
      `/${'a/'.repeat(16 * 1024)}`,
      `/t/${'-'.repeat(32 * 1024)}`,
      `/t/${'a-'.repeat(16 * 1024)}`,
    ];
    for (const p of paths) {
      // Correctness, not timing: the timing is in the benchmark (pnpm bench), which reports it.
      expect(() => resolver.match(p)).not.toThrow();
    }
    expect(resolver.match(`/${long}/`)!.kwargs).toEqual({ name: long });
    expect(resolver.match(`/files/${long}`)!.kwargs).toEqual({ rest: long });
  });
});

const segment = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter((s) => !s.includes('/') && !s.includes('\n'));
const slug = fc.stringMatching(/^[-a-zA-Z0-9_]{1,12}$/);

describe('resolve(reverse(name, args)) round-trips', () => {
  it('for str, int, slug, uuid, path and include prefixes', () => {
    fc.assert(
      fc.property(
        segment,
        fc.nat({ max: 1e9 }),
        slug,
        fc.uuid({ version: 4 }),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        (name, year, s, id, parts) => {
          const cases: Array<[string, Record<string, unknown>]> = [
            ['greet', { name }],
            ['article', { year, slug: s }],
            ['user', { id }],
            ['file', { rest: parts.join('/') }],
            ['blog:post', { blog: s, pk: year }],
          ];
          for (const [viewName, kwargs] of cases) {
            const url = resolver.reverse(viewName as 'greet', {
              kwargs: kwargs as { name: string },
            });
            // reverse() percent-encodes; the server hands resolve() the decoded path.
            const match = resolver.resolve(decodeURIComponent(url));
            if (viewName === 'greet' && name === 'search') {
              expect(match.viewName).toBe('search');
              continue;
            }
            expect(match.viewName).toBe(viewName);
            expect(match.kwargs).toEqual(kwargs);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for rePath() named and positional groups', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        segment,
        fc.nat(),
        fc.stringMatching(/^[a-z]{1,8}$/),
        (year, title, n, word) => {
          const a = resolver.resolve(
            decodeURIComponent(
              resolver.reverse('archive', { kwargs: { year: String(year), title } }),
            ),
          );
          expect(a.kwargs).toEqual({ year: String(year), title });
          const b = resolver.resolve(
            decodeURIComponent(resolver.reverse('legacy', { args: [n, word] })),
          );
          expect(b.args).toEqual([String(n), word]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
