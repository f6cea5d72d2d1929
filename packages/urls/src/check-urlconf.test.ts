import { describe, expect, it } from 'vitest';
import { checkUrlconf } from './check-urlconf.js';
import { include } from './include.js';
import { path, rePath } from './path.js';

const view = (): null => null;
const ids = (patterns: unknown[]): string[] => checkUrlconf(patterns).map((m) => m.id);

describe('checkUrlconf', () => {
  it('finds nothing in a clean urlconf', () => {
    expect(
      checkUrlconf([
        path('', view, { name: 'home' }),
        path('search/', view, { name: 'search' }),
        path('<str:name>/', view, { name: 'greet' }),
        path(
          'blog/',
          include({ urlpatterns: [path('<int:pk>/', view, { name: 'post' })], appName: 'blog' }),
        ),
      ]),
    ).toEqual([]);
  });

  it('reports Django’s warnings with Django’s ids', () => {
    expect(ids([path('/slash', view)])).toEqual(['urls.W002']);
    expect(ids([path('/slash/', include([path('x', view)]))])).toEqual([]);
    expect(ids([rePath('^inc/$', include([path('x', view)]))])).toEqual(['urls.W001']);
    expect(ids([path('x/', view, { name: 'a:b' })])).toEqual(['urls.W003']);
    expect(ids([path('^x/$', view)])).toEqual(['2_0.W001']);
    expect(ids([path('x/(?P<a>1)/', view)])).toContain('2_0.W001');
    expect(ids([path('x/<int:a/', view)])).toEqual(['urls.W010']);
    const blog = { urlpatterns: [path('', view, { name: 'index' })], appName: 'blog' };
    expect(ids([path('a/', include(blog)), path('b/', include(blog))])).toEqual([
      'urls.W005',
      'urls.W102',
    ]);
    expect(checkUrlconf([path('/slash', view)], { appendSlash: false })).toEqual([]);
  });

  it('reports an include’s children instead of the include itself, as Django', () => {
    const messages = checkUrlconf([rePath('^inc/$', include([path('/x', view)]))]);
    expect(messages.map((m) => m.id)).toEqual(['urls.W002']);
  });

  it('reports elements that are not patterns (urls.E004)', () => {
    const messages = checkUrlconf(['admin/', ['x', view]]);
    expect(messages.map((m) => [m.id, m.level])).toEqual([
      ['urls.E004', 'error'],
      ['urls.E004', 'error'],
    ]);
    expect(messages[0]!.hint).toMatch(/Try removing the string 'admin\/'/);
    expect(messages[1]!.hint).toMatch(/path\(\) instead of an array/);
  });

  it('finds patterns shadowed by an earlier one (urls.W101)', () => {
    const messages = checkUrlconf([
      path('<str:name>/', view, { name: 'greet' }),
      path('search/', view, { name: 'search' }),
      path('articles/<slug:s>/', view),
      path('articles/<int:pk>/', view),
      path('n/<int:pk>/', view),
      path('n/<slug:s>/', view),
    ]);
    const shadowed = messages.filter((m) => m.id === 'urls.W101').map((m) => m.pattern);
    // slug takes every int; int does not take every slug.
    expect(shadowed).toEqual(['search/', 'articles/<int:pk>/']);
    expect(messages[0]!.message).toMatch(
      /'search\/' \[name='search'\] can never match: the earlier pattern '<str:name>\/'/,
    );
  });

  it('does not call a pattern shadowed when the earlier converter can refuse values', () => {
    const refusing = { regex: '[^/]+', toJs: (v: string) => v, toUrl: (v: string) => v };
    expect(
      ids([
        path('<str:a>/', view, { converters: { picky: refusing } }),
        path('<picky:b>/x/', view, { converters: { picky: refusing } }),
      ]),
    ).toEqual([]);
    expect(
      ids([path('<picky:a>/', view, { converters: { picky: refusing } }), path('x/', view)]),
    ).toEqual([]);
  });

  it('finds shadowing through includes and by duplicate routes', () => {
    const messages = checkUrlconf([
      path('a/', include([path('<str:x>/', view)])),
      path('a/b/', view),
      rePath('^r/$', view),
      rePath('^r/$', view),
    ]);
    expect(messages.filter((m) => m.id === 'urls.W101').map((m) => m.pattern)).toEqual([
      'a/b/',
      '^r/$',
    ]);
  });

  it('finds duplicate names (urls.W102)', () => {
    const messages = checkUrlconf([
      path('a/', view, { name: 'dup' }),
      path('b/', view, { name: 'dup' }),
    ]);
    expect(messages.map((m) => m.id)).toEqual(['urls.W102']);
    expect(messages[0]!.message).toMatch(/'dup' is used by 'a\/' and again by 'b\/'/);
  });

  it('finds rePath() patterns that cannot be reversed (urls.W103)', () => {
    expect(ids([rePath('(?i)^bad/$', view)])).toContain('urls.W103');
    expect(ids([rePath('^a|b$', view)])).toContain('urls.W103');
    expect(ids([rePath('^(a|b)/$', view)])).toEqual([]);
  });

  it('warns about catastrophic backtracking, unanchored regexes and shared segments', () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(ids([rePath('^(a+)+$', view)])).toContain('urls.W104');
    } finally {
      console.warn = warn;
    }
    expect(ids([rePath('x/$', view)])).toEqual(['urls.W105']);
    expect(ids([path('t/<str:a>-<str:b>/', view)])).toEqual(['urls.W106']);
  });
});
