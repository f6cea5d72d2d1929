import { describe, expectTypeOf, it } from 'vitest';
import type { HttpResponsePermanentRedirect, HttpResponseRedirect } from '@reins/http';
import { createResolver, include, path } from '@reins/urls';
import type { TypedRedirect, TypedReverse, UnknownUrlName } from './index.js';
import { redirect, reverse } from './index.js';

const view = (): null => null;
const polls = [
  path('', view, { name: 'index' }),
  path('<int:pk>/', view, { name: 'detail' }),
  path('<int:pk>/results/', view, { name: 'results' }),
];
const urlconf = createResolver([
  path('', view, { name: 'home' }),
  path('about/', view, { name: 'about' }),
  path('articles/<int:year>/<slug:slug>/', view, { name: 'article' }),
  path('feed/', view, { name: 'feed', kwargs: { format: 'rss' } }),
  path('polls/', include({ urlpatterns: polls, appName: 'polls' })),
]);

/** What `Register { urlconf: typeof urlconf }` gives, built the same way as `UrlKwargs`. */
type Entries = NonNullable<(typeof urlconf)['__reverse']>['entries'];
type Kwargs = { [E in Entries as E['name']]: E['params'] };
declare const typedReverse: TypedReverse<Kwargs>;
declare const typedRedirect: TypedRedirect<
  Kwargs,
  HttpResponseRedirect,
  HttpResponsePermanentRedirect
>;

describe('typed reverse()', () => {
  it('takes the registered names with their kwargs', () => {
    expectTypeOf(urlconf.reverse('home')).toEqualTypeOf<string>();
    expectTypeOf(typedReverse('home')).toEqualTypeOf<string>();
    typedReverse('polls:detail', { kwargs: { pk: 4 } });
    typedReverse('polls:detail', { args: [4] });
    typedReverse('article', { kwargs: { year: 2024, slug: 'hello' }, query: { page: 2 } });
    typedReverse('feed');
    typedReverse('feed', { kwargs: { format: 'atom' } });
    typedReverse(view);
  });

  it('refuses a wrong name, a wrong or missing kwarg, and missing arguments', () => {
    // @ts-expect-error no such name (the error lists 'home')
    typedReverse('hom');
    // @ts-expect-error pk is a number
    typedReverse('polls:detail', { kwargs: { pk: '4' } });
    // @ts-expect-error slug is missing
    typedReverse('article', { kwargs: { year: 2024 } });
    // @ts-expect-error the route needs arguments
    typedReverse('polls:detail');
  });

  it('lets a name only known at run time through, unchecked', () => {
    const name: string = 'home';
    typedReverse(name, { kwargs: { anything: 1 } });
  });

  it('is untyped while nothing is registered', () => {
    reverse('anything', { kwargs: { x: 1 } });
    reverse('other');
  });
});

describe('the wrong-name message', () => {
  it('lists the names it starts, and the same name in other namespaces', () => {
    expectTypeOf<UnknownUrlName<'hom', 'home' | 'about'>>().toEqualTypeOf<
      'home' | "(No URL is named 'hom'; the names before this are close.)"
    >();
    expectTypeOf<UnknownUrlName<'detail', 'polls:detail' | 'home'>>().toEqualTypeOf<
      'polls:detail' | "(No URL is named 'detail'; the names before this are close.)"
    >();
  });

  it('then looks in its namespace, by the first letters of the last part', () => {
    expectTypeOf<
      UnknownUrlName<'polls:detial', 'polls:detail' | 'polls:index' | 'home'>
    >().toEqualTypeOf<
      'polls:detail' | "(No URL is named 'polls:detial'; the names before this are close.)"
    >();
  });

  it('falls back to names sharing the first letters, then to a plain message', () => {
    expectTypeOf<UnknownUrlName<'artcle', 'article' | 'home'>>().toEqualTypeOf<
      'article' | "(No URL is named 'artcle'; the names before this are close.)"
    >();
    expectTypeOf<
      UnknownUrlName<'zzz', 'home'>
    >().toEqualTypeOf<"No URL is named 'zzz' in the registered urlconf (Register['urlconf']).">();
  });
});

describe('typed redirect()', () => {
  it('takes names, URLs and objects', () => {
    expectTypeOf(typedRedirect('polls:results', 4)).toEqualTypeOf<HttpResponseRedirect>();
    typedRedirect('polls:detail', { kwargs: { pk: 4 }, permanent: true });
    typedRedirect('/already/a/url/');
    typedRedirect('https://example.com/');
    typedRedirect('../up');
    typedRedirect(new URL('https://example.com/'));
    typedRedirect({ getAbsoluteUrl: () => '/articles/1/' });
    const next: string = '/next/';
    typedRedirect(next);
  });

  it('refuses a string that is neither a name nor a URL, and wrong kwargs', () => {
    // @ts-expect-error not a name, and no '/' or '.': Django raises NoReverseMatch
    typedRedirect('hom');
    // @ts-expect-error pk is a number
    typedRedirect('polls:detail', { kwargs: { pk: 'x' } });
  });

  it('is untyped while nothing is registered', () => {
    redirect('anything');
  });
});
