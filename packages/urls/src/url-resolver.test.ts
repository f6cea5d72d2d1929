import { describe, expect, it } from 'vitest';
import { describeUrlconf } from './describe-urlconf.js';
import { NoReverseMatch, Resolver404 } from './errors.js';
import { include } from './include.js';
import { path, rePath } from './path.js';
import { createResolver } from './url-resolver.js';

function home(): string {
  return 'home';
}
function article(): string {
  return 'article';
}

describe('resolve', () => {
  const resolver = createResolver([
    path('', home, { name: 'home' }),
    path('articles/<int:year>/', article, { name: 'year' }),
    path(
      'blog/',
      include({ urlpatterns: [path('<int:pk>/', article, { name: 'post' })], appName: 'blog' }),
    ),
  ]);

  it('returns a ResolverMatch that unpacks like Django’s tuple', () => {
    const match = resolver.resolve('/articles/2024/');
    const [view, args, kwargs] = match;
    expect(view).toBe(article);
    expect(args).toEqual([]);
    expect(kwargs).toEqual({ year: 2024 });
    expect(match.func).toBe(article);
    expect(match.toJSON()).toMatchObject({ viewName: 'year', route: 'articles/<int:year>/' });
  });

  it('keeps a static hit’s extra kwargs fresh per match', () => {
    const withExtra = createResolver([path('about/', home, { kwargs: { page: 'about' } })]);
    const a = withExtra.resolve('/about/');
    a.kwargs['page'] = 'changed';
    expect(withExtra.resolve('/about/').kwargs).toEqual({ page: 'about' });
  });

  it.each([true, false])(
    'gives the right answer when a converter resolves on the same resolver (generateCode: %s)',
    (generateCode) => {
      const seen: Array<string | null> = [];
      const nested = {
        regex: '[a-z]+',
        toJs(value: string): string {
          // Re-entrant: this resolves on the resolver that is calling the converter.
          seen.push(reentrant.match(`/n/${value.length}/`)?.viewName ?? null);
          if (value === 'no') throw new Error('no match');
          return value.toUpperCase();
        },
        toUrl: (value: string) => value.toLowerCase(),
      };
      const reentrant = createResolver(
        [
          path('n/<int:n>/', home, { name: 'number' }),
          path('w/<word:w>/', article, { name: 'word', converters: { word: nested } }),
          path('w/<str:w>/', home, { name: 'fallback' }),
        ],
        { generateCode },
      );
      expect(reentrant.match('/w/abc/')?.kwargs).toEqual({ w: 'ABC' });
      expect(reentrant.match('/w/abc/')?.viewName).toBe('word');
      expect(reentrant.match('/w/no/')?.viewName).toBe('fallback');
      expect(seen).toContain('number');
    },
  );

  it('gives a fresh kwargs object per match, so views cannot leak state', () => {
    const a = resolver.resolve('/');
    a.kwargs['x'] = 1;
    expect(resolver.resolve('/').kwargs).toEqual({});
  });

  it('throws Resolver404 with the remainder and a lazily computed tried list', () => {
    let error: unknown;
    try {
      resolver.resolve('/nope/');
    } catch (e) {
      error = e;
    }
    expect(Resolver404.isInstance(error)).toBe(true);
    const e = error as Resolver404;
    expect(e.code).toBe('urls.resolver404');
    expect(e.status).toBe(404);
    expect(e.path).toBe('nope/');
    expect(e.message).toContain("'nope/'");
    expect(e.tried).toEqual([
      [{ pattern: '', name: 'home' }],
      [{ pattern: 'articles/<int:year>/', name: 'year' }],
      [{ pattern: 'blog/', name: null }],
    ]);
    expect(e).toBeInstanceOf(Error);
  });

  it('has no tried list for a path not starting with /', () => {
    try {
      resolver.resolve('articles/2024/');
      expect.unreachable();
    } catch (error) {
      expect((error as Resolver404).hasTried).toBe(false);
      expect((error as Resolver404).tried).toEqual([]);
    }
  });

  it('match() returns null instead of throwing', () => {
    expect(resolver.match('/nope/')).toBeNull();
    expect(resolver.match('/blog/3/')!.viewName).toBe('blog:post');
  });

  it('finds static paths however many share their length, the first of a repeat winning', () => {
    // One, two (compared in turn) and five (hashed) static paths of one length each.
    const routes = ['a/', 'bb/', 'cc/', 'ddd/', 'eee/', 'fff/', 'ggg/', 'hhh/'];
    const view = (): string => 'static';
    const table = createResolver([
      ...routes.map((route) => path(route, view, { name: route })),
      path('bb/', view, { name: 'first bb/' }),
    ]);
    // Django tries patterns in order: the first of two identical routes wins.
    expect(table.match('/bb/')!.urlName).toBe('bb/');
    for (const route of routes) expect(table.match(`/${route}`)!.urlName).toBe(route);
    for (const miss of ['/b/', '/zz/', '/zzz/', '/BB/', '/ddd', '/ddd/x']) {
      expect(table.match(miss)).toBeNull();
    }
  });

  it('recognises its errors across copies by brand', () => {
    const foreign = { [Symbol.for('reins.Resolver404')]: true };
    expect(Resolver404.isInstance(foreign)).toBe(true);
    expect(NoReverseMatch.isInstance(foreign)).toBe(false);
  });
});

describe('reverse', () => {
  const legacy = (): null => null;
  const resolver = createResolver([
    path('', home, { name: 'home' }),
    path('s/<str:q>/', article, { name: 's' }),
    rePath('(?i)^bad/$', legacy, { name: 'bad' }),
    rePath('^legacy/([0-9]+)/$', legacy, { name: 'legacy' }),
  ]);

  it.each([true, false])(
    "takes the kwargs object's own enumerable properties, not inherited ones (generateCode: %s)",
    (generateCode) => {
      const r = createResolver(
        [
          path('s/<str:q>/', article, { name: 's' }),
          path('d/<str:q>/', article, { name: 'd', kwargs: { lang: 'en' } }),
        ],
        { generateCode },
      );
      const inherited = Object.create({ extra: 'x' }) as { q: string };
      inherited.q = 'a b';
      for (let round = 0; round < 2; round++) {
        expect(r.reverse('s', { kwargs: inherited })).toBe('/s/a%20b/');
        expect(r.reverse('d', { kwargs: inherited })).toBe('/d/a%20b/');
        const extra = { q: 'a', extra: 'x' };
        expect(() => r.reverse('s', { kwargs: extra })).toThrow(NoReverseMatch);
        expect(r.reverse('s', { kwargs: { q: 'a!$&()*+,;=:@~' } })).toBe('/s/a!$&()*+,;=:@~/');
      }
    },
  );

  it.each([true, false])(
    'escapes a leading // and percent-encodes values as Django (generateCode: %s)',
    (generateCode) => {
      const r = createResolver(
        [
          path('/x/<int:a>/', home, { name: 'slashed' }),
          path('s/<str:q>/<slug:s>/<uuid:u>/', article, { name: 'all' }),
        ],
        { generateCode },
      );
      for (let round = 0; round < 2; round++) {
        expect(r.reverse('slashed', { kwargs: { a: 1 } })).toBe('/%2Fx/1/');
        expect(r.reverse('slashed', { args: [2] })).toBe('/%2Fx/2/');
        const u = '6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f';
        expect(r.reverse('all', { kwargs: { q: 'a b?é', s: 'x-y', u } })).toBe(
          `/s/a%20b%3F%C3%A9/x-y/${u}/`,
        );
        expect(() => r.reverse('all', { kwargs: { q: 'a/b', s: 'x', u } })).toThrow(NoReverseMatch);
        expect(() => r.reverse('all', { kwargs: { q: 'a', s: 'x.y', u } })).toThrow(NoReverseMatch);
        expect(() => r.reverse('all', { kwargs: { q: 'a', s: 'x', u: u.toUpperCase() } })).toThrow(
          NoReverseMatch,
        );
        expect(() => r.reverse('slashed', { kwargs: { a: 1, b: 2 } as never })).toThrow(
          NoReverseMatch,
        );
        expect(() => r.reverse('slashed', { kwargs: { a: 1 }, args: [1] } as never)).toThrow(
          TypeError,
        );
        expect(r.reverse('slashed', { kwargs: { a: 3 }, query: { p: 1 }, fragment: 'f' })).toBe(
          '/%2Fx/3/?p=1#f',
        );
      }
    },
  );

  it('fails only the reverses of a non-reversible rePath() (Django fails them all)', () => {
    expect(resolver.reverse('home')).toBe('/');
    expect(() => resolver.reverse('bad')).toThrow(
      /'\(\?i\)\^bad\/\$' cannot be reversed: Non-reversible reg-exp portion: '\(\?i'/,
    );
    expect(resolver.resolve('/BAD/').viewName).toBe('bad');
  });

  it('appends query and fragment (Django 5.2)', () => {
    expect(
      resolver.reverse('s', { args: ['x'], query: { q: ['1', '2'], z: 'a b' }, fragment: 'frag' }),
    ).toBe('/s/x/?q=1&q=2&z=a+b#frag');
    expect(resolver.reverse('home', { query: {} })).toBe('/');
    expect(resolver.reverse('home', { fragment: '' })).toBe('/#');
    expect(resolver.reverse('home', { query: new URLSearchParams('a=1&a=2') })).toBe('/?a=1&a=2');
    expect(
      resolver.reverse('home', {
        query: [
          ['a', 1],
          ['b', null],
        ],
      }),
    ).toBe('/?a=1&b=null');
    expect(() => resolver.reverse('home', { query: 'a=1' as never })).toThrow(TypeError);
  });

  it('reverses by view function, preferring the last pattern that uses it', () => {
    expect(resolver.reverse(legacy, { args: [5] })).toBe('/legacy/5/');
    expect(resolver.reverse(article, { kwargs: { q: 'x' } })).toBe('/s/x/');
  });

  it('prepends the script prefix, percent-encoded', () => {
    const mounted = createResolver([path('s/<str:q>/', article, { name: 's' })], {
      scriptPrefix: '/a%b',
    });
    expect(mounted.reverse('s', { args: ['x'] })).toBe('/a%25b/s/x/');
  });

  it('names the view, the arguments as JavaScript values and the patterns tried', () => {
    try {
      resolver.reverse('s', { kwargs: { q: 'a/b' } });
      expect.unreachable();
    } catch (error) {
      expect(NoReverseMatch.isInstance(error)).toBe(true);
      const e = error as NoReverseMatch;
      expect(e.message).toBe(
        "Reverse for 's' with keyword arguments { q: 'a/b' } not found. 1 pattern(s) tried: ['s/<str:q>/'].",
      );
      expect(e.viewName).toBe('s');
      expect(e.patternsTried).toEqual(['s/<str:q>/']);
      expect(e.code).toBe('urls.no_reverse_match');
    }
    expect(() => resolver.reverse('nope' as 'home')).toThrow(
      "Reverse for 'nope' not found. 'nope' is not a valid view function or pattern name.",
    );
  });

  it('uses a pattern’s extra kwargs for a parameter the caller omits (Django raises KeyError)', () => {
    const r = createResolver([
      path('extra/<int:x>/', article, { name: 'extra', kwargs: { x: 99 } }),
    ]);
    expect(r.reverse('extra')).toBe('/extra/99/');
    expect(r.reverse('extra', { kwargs: { x: 99 } })).toBe('/extra/99/');
    expect(() => r.reverse('extra', { kwargs: { x: 5 } })).toThrow(NoReverseMatch);
  });
});

describe('describeUrlconf', () => {
  it('lists every pattern with its full route, name and view', () => {
    const rows = describeUrlconf([
      path('', home, { name: 'home' }),
      path(
        'blog/<slug:b>/',
        include({
          urlpatterns: [path('<int:pk>/', article, { name: 'post' }), path('x/', article)],
          appName: 'blog',
        }),
      ),
      rePath('^legacy/$', home),
    ]);
    expect(rows.map((r) => [r.path, r.name, r.viewName, r.kind, r.namespace])).toEqual([
      ['/', 'home', 'home', 'route', ''],
      ['/blog/<slug:b>/<int:pk>/', 'blog:post', 'article', 'route', 'blog'],
      ['/blog/<slug:b>/x/', null, 'article', 'route', 'blog'],
      ['/^legacy/$', null, 'home', 'regex', ''],
    ]);
  });
});
