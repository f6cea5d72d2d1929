import { describe, expect, it } from 'vitest';
import { ImproperlyConfigured } from './errors.js';
import { include } from './include.js';
import { path, rePath } from './path.js';
import { URLPattern } from './url-pattern.js';
import { URLResolver } from './url-resolver.js';

const view = (): string => 'ok';

function configError(fn: () => unknown): ImproperlyConfigured {
  try {
    fn();
  } catch (error) {
    if (ImproperlyConfigured.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected ImproperlyConfigured');
}

describe('path', () => {
  it('compiles routes to the regex Django builds', () => {
    const p = path('foo/<int:pk>/<slug:s>/<path:rest>', view);
    expect(p.pattern.kind).toBe('route');
    expect(p.pattern.kind === 'route' && p.pattern.pythonRegex).toBe(
      '^foo/(?P<pk>[0-9]+)/(?P<s>[-a-zA-Z0-9_]+)/(?P<rest>.+)\\Z',
    );
    const inc = path('foo.bar/<uuid:u>', include([p]));
    expect(inc.pattern!.kind === 'route' && inc.pattern!.pythonRegex).toBe(
      '^foo\\.bar/(?P<u>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})',
    );
    const empty = path('', view);
    expect(empty.pattern.kind === 'route' && empty.pattern.pythonRegex).toBe('^\\Z');
  });

  it('keeps <> as literal text and escapes whitespace outside placeholders', () => {
    const p = path('a/<>/', view);
    expect(p.pattern.kind === 'route' && p.pattern.pythonRegex).toBe('^a/<>/\\Z');
    expect(p.pattern.match('a/<>/')).not.toBeNull();
    const q = path('a b/<x>', view);
    expect(q.pattern.kind === 'route' && q.pattern.pythonRegex).toBe('^a\\ b/(?P<x>[^/]+)\\Z');
  });

  it('makes a URLPattern for a view and a URLResolver for an include', () => {
    expect(path('a/', view)).toBeInstanceOf(URLPattern);
    expect(path('a/', include([]))).toBeInstanceOf(URLResolver);
  });

  it.each([
    ['a/<int :x>/', /cannot contain whitespace in angle brackets/],
    ['a/< x>/', /cannot contain whitespace/],
    ['a/<int:1x>/', /parameter name '1x' which isn't a valid identifier/],
    ['a/<x-y>/', /parameter name 'x-y'/],
    ['a/<int:>/', /parameter name 'int:'/],
    ['a/<:x>/', /parameter name ':x'/],
    ['a/<intt:x>/', /invalid converter 'intt'.*registerConverter\('intt'/],
    ['a/<int:x>/<str:x>/', /parameter name 'x' more than once/],
    ['a/<__proto__>/', /parameter name '__proto__'/],
  ])('rejects %s at declaration', (route, message) => {
    const error = configError(() => path(route, view));
    expect(error.message).toMatch(message);
    expect(error.message).toContain(route);
    expect(error.route).toBe(route);
    expect(error.code).toBe('urls.improperly_configured');
  });

  it('rejects a view that is neither a function nor an include', () => {
    expect(configError(() => path('a/', 'nope' as never)).message).toMatch(
      /view must be a function/,
    );
    expect(configError(() => path('a/', view, { kwargs: [] as never })).message).toMatch(
      /kwargs must be an object/,
    );
  });
});

describe('rePath', () => {
  it.each([
    ['^(?P<a>x', /not a valid regular expression.*missing \)/],
    ['^a)', /unbalanced parenthesis/],
    ['^(?P<a>x)(?P<a>y)$', /redefinition of group name 'a'/],
    ['^*', /nothing to repeat/],
    ['^(?i:a)$', /scoped inline flags/],
    ['^(?>a)$', /atomic groups/],
    ['^a++$', /possessive/],
    ['^(a)(?(1)b|c)$', /conditional/],
    ['^\\N{DIGIT ONE}$', /named Unicode escapes/],
    ['^\\q$', /bad escape \\q/],
    ['^(?P<__proto__>x)$', /'__proto__'/],
  ])('rejects %s at declaration', (regex, message) => {
    const error = configError(() => rePath(regex, view));
    expect(error.message).toMatch(message);
    expect(error.message).toContain(regex);
  });

  it('warns about catastrophic backtracking when declared', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      rePath('^(a+)+$', view);
      rePath('^(?:x|xy)*z$', view);
      rePath('^ok/(?P<id>[0-9]+)/$', view);
    } finally {
      console.warn = original;
    }
    expect(warnings).toHaveLength(2);
    expect(String(warnings[0])).toMatch(/urls\.W104.*\^\(a\+\)\+\$/);
  });
});

describe('include', () => {
  it('needs an app name for a namespace', () => {
    expect(configError(() => include([], { namespace: 'x' } as never)).message).toMatch(
      /Specifying a namespace \('x'\) in include\(\) without providing an app name/,
    );
  });

  it('defaults the instance namespace to the app name', () => {
    const spec = include({ urlpatterns: [], appName: 'polls' });
    expect(spec.namespace).toBe('polls');
    expect(include({ urlpatterns: [], appName: 'polls' }, { namespace: 'p2' }).namespace).toBe(
      'p2',
    );
  });

  it('rejects what is not a list of patterns', () => {
    expect(configError(() => include(['a/'] as never)).message).toMatch(/is invalid/);
    expect(configError(() => include('x' as never)).message).toMatch(/include\(\) takes an array/);
  });
});
