import { describe, expectTypeOf, it } from 'vitest';
import type {
  IncludeSpec,
  ReverseNames,
  RouteParams,
  URLPattern,
  URLResolver,
  View,
} from './index.js';
import { createResolver, include, path, rePath } from './index.js';

declare module './converters.js' {
  interface ConverterTypes {
    yyyy: number;
  }
}

interface FakeRequest {
  method: string;
}

describe('RouteParams', () => {
  it('types placeholders by converter', () => {
    expectTypeOf<RouteParams<'articles/<int:year>/<slug:slug>/'>>().toEqualTypeOf<{
      year: number;
      slug: string;
    }>();
    expectTypeOf<RouteParams<'<name>/<uuid:id>/<path:rest>'>>().toEqualTypeOf<{
      name: string;
      id: string;
      rest: string;
    }>();
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    expectTypeOf<RouteParams<'about/'>>().toEqualTypeOf<{}>();
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    expectTypeOf<RouteParams<'a/<>/'>>().toEqualTypeOf<{}>();
  });

  it('carries a custom converter’s type (ConverterTypes augmentation)', () => {
    expectTypeOf<RouteParams<'archive/<yyyy:year>/'>>().toEqualTypeOf<{ year: number }>();
  });
});

describe('path', () => {
  it('gives an inline view typed params and leaves the request generic', () => {
    path('articles/<int:year>/<slug:slug>/', (request, params) => {
      expectTypeOf(params).toEqualTypeOf<{ year: number; slug: string }>();
      expectTypeOf(request).toBeAny();
      return null;
    });
  });

  it('accepts a view declared with any request type', () => {
    const detail = (request: FakeRequest, params: { pk: number }): string =>
      `${request.method} ${params.pk}`;
    path('articles/<int:pk>/', detail);
    const noParams = (request: FakeRequest): string => request.method;
    path('about/', noParams);
  });

  it('rejects a view whose params do not match the route', () => {
    const wrong = (_request: FakeRequest, params: { pk: string }): string => params.pk;
    // @ts-expect-error pk is a number for <int:pk>
    path('articles/<int:pk>/', wrong);
    const missing = (_request: FakeRequest, params: { slug: string }): string => params.slug;
    // @ts-expect-error the route has no slug
    path('articles/<int:pk>/', missing);
  });

  it('lays extra kwargs over the params', () => {
    path(
      'feed/',
      (_request, params) => {
        expectTypeOf(params).toEqualTypeOf<{ format: string }>();
        return null;
      },
      { kwargs: { format: 'rss' } },
    );
  });

  it('refuses an unknown converter in the route, as path() does at start-up', () => {
    // @ts-expect-error 'bar' is not a converter
    path('z/<bar:foo>/', home);
    // @ts-expect-error an include prefix is checked too
    path('z/<bar:foo>/', include(postPatterns));
    path('y/<yyyy:year>/', home);
    path('w/<word:w>/', home, {
      converters: { word: { regex: '[a-z]+', toJs: String, toUrl: String } },
    });
  });

  it('returns a URLPattern for a view and a URLResolver for an include', () => {
    expectTypeOf(path('about/', home, { name: 'about' })).toEqualTypeOf<
      URLPattern<'about', Record<never, never>>
    >();
    expectTypeOf(path('<int:pk>/', detail)).toEqualTypeOf<URLPattern<never, { pk: number }>>();
    expectTypeOf(path('blog/', include(postPatterns))).toEqualTypeOf<
      URLResolver<
        { name: 'index'; params: Record<never, never> } | { name: 'post'; params: { pk: number } }
      >
    >();
    // An include of unnamed patterns has no entries, and is still an include.
    expectTypeOf(path('misc/', include([path('x/', home)]))).toHaveProperty('urlpatterns');
    // A loosely typed include spec too.
    const spec = include(postPatterns) as IncludeSpec;
    expectTypeOf(path('loose/', spec)).toHaveProperty('urlpatterns');
  });

  it('takes a name for a view, not for an include', () => {
    path('blog/', include(postPatterns), { kwargs: { format: 'html' } });
    // @ts-expect-error an include has no name
    path('blog/', include(postPatterns), { name: 'blog' });
  });

  it('types views called with positional args for rePath()', () => {
    const legacy: View = (_request, _params, ...args: string[]) => args.join('/');
    rePath('^legacy/([0-9]+)/$', legacy, { name: 'legacy' });
  });
});

const home = (): string => 'home';
const detail = (_request: FakeRequest, params: { pk: number }): string => String(params.pk);
const postPatterns = [
  path('', home, { name: 'index' }),
  path('<int:pk>/', detail, { name: 'post' }),
];
const urlpatterns = [
  path('', home, { name: 'home' }),
  path('articles/<int:year>/<slug:slug>/', home, { name: 'article' }),
  path('feed/', home, { name: 'feed', kwargs: { format: 'rss' } }),
  path('blog/', include({ urlpatterns: postPatterns, appName: 'blog' })),
  path('news/', include({ urlpatterns: postPatterns, appName: 'blog' }, { namespace: 'news' })),
  path('shop/<slug:shop>/', include(postPatterns)),
  path('unnamed/', home),
];
const resolver = createResolver(urlpatterns);

describe('typed reverse', () => {
  it('knows the names', () => {
    expectTypeOf<ReverseNames<typeof resolver>>().toEqualTypeOf<
      | 'home'
      | 'article'
      | 'feed'
      | 'blog:index'
      | 'blog:post'
      | 'news:index'
      | 'news:post'
      | 'index'
      | 'post'
    >();
    resolver.reverse('home');
    // @ts-expect-error no such name
    resolver.reverse('hom');
  });

  it('knows the names of patterns written inside createResolver()', () => {
    const inline = createResolver([
      path('', home, { name: 'home' }),
      path('<int:pk>/', detail, { name: 'post', kwargs: { format: 'html' } }),
      path('blog/', include({ urlpatterns: postPatterns, appName: 'blog' })),
    ]);
    expectTypeOf<ReverseNames<typeof inline>>().toEqualTypeOf<
      'home' | 'post' | 'blog:index' | 'blog:post'
    >();
    inline.reverse('post', { kwargs: { pk: 1 } });
  });

  it('checks the arguments', () => {
    resolver.reverse('article', { kwargs: { year: 2024, slug: 'hello' } });
    // @ts-expect-error year is a number
    resolver.reverse('article', { kwargs: { year: '2024', slug: 'hello' } });
    // @ts-expect-error slug is missing
    resolver.reverse('article', { kwargs: { year: 2024 } });
    // @ts-expect-error arguments are required
    resolver.reverse('article');
    resolver.reverse('article', { args: [2024, 'hello'] });
    resolver.reverse('blog:post', { kwargs: { pk: 7 }, currentApp: 'news' });
    resolver.reverse('feed');
    resolver.reverse('feed', { kwargs: { format: 'rss' } });
  });

  it('adds include prefix params to the names below them', () => {
    resolver.reverse('post', { kwargs: { shop: 'acme', pk: 1 } });
    // @ts-expect-error the include prefix needs shop
    resolver.reverse('post', { kwargs: { pk: 1 } });
  });

  it('is loose for an untyped urlconf', () => {
    const loose = createResolver(urlpatterns as Parameters<typeof createResolver>[0]);
    loose.reverse('anything', { kwargs: { x: 1 } });
  });
});
