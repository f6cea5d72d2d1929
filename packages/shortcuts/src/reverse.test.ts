import { afterEach, describe, expect, it } from 'vitest';
import { HttpRequest, HttpResponse, runWithRequest } from '@reins/http';
import { Engine } from '@reins/templates';
import { createResolver, include, NoReverseMatch, path } from '@reins/urls';
import { render } from './render.js';
import { getUrlconf, isLazyString, reverse, reverseLazy, setDefaultUrlconf } from './reverse.js';

const view = (): HttpResponse => new HttpResponse('');
const pollPatterns = {
  urlpatterns: [path('<int:pk>/', view, { name: 'detail' })],
  appName: 'polls',
};
const resolver = createResolver([
  path('', view, { name: 'home' }),
  path('author-polls/', include(pollPatterns, { namespace: 'author-polls' })),
  path('publisher-polls/', include(pollPatterns, { namespace: 'publisher-polls' })),
]);
const other = createResolver([path('elsewhere/', view, { name: 'home' })]);

function requestIn(namespace: string | null, urlconf: unknown = resolver): HttpRequest {
  const request = new HttpRequest({ url: '/' });
  request.urlconf = urlconf;
  if (namespace !== null) {
    request.resolverMatch = {
      view,
      args: [],
      kwargs: {},
      urlName: 'detail',
      route: '',
      appName: 'polls',
      appNames: ['polls'],
      namespace,
      namespaces: [namespace],
      viewName: `${namespace}:detail`,
    };
  }
  return request;
}

afterEach(() => setDefaultUrlconf(null));

describe('reverse', () => {
  it('uses the default urlconf outside a request', () => {
    setDefaultUrlconf(resolver);
    expect(reverse('home')).toBe('/');
    expect(reverse('polls:detail', { args: [3] })).toBe('/publisher-polls/3/');
  });

  it('explains what to do when there is no urlconf at all', () => {
    expect(() => reverse('home')).toThrow(/no URLconf to use.*setDefaultUrlconf/);
  });

  it('prefers the current request’s urlconf over the default', () => {
    setDefaultUrlconf(other);
    expect(reverse('home')).toBe('/elsewhere/');
    expect(runWithRequest(requestIn(null), () => reverse('home'))).toBe('/');
  });

  it('defaults currentApp to the namespace the request resolved in (Django’s {% url %} rule)', () => {
    expect(
      runWithRequest(requestIn('author-polls'), () => reverse('polls:detail', { args: [3] })),
    ).toBe('/author-polls/3/');
    expect(
      runWithRequest(requestIn('publisher-polls'), () => reverse('polls:detail', { args: [3] })),
    ).toBe('/publisher-polls/3/');
  });

  it('lets request.currentApp, then an explicit currentApp, win', () => {
    const request = requestIn('publisher-polls');
    request.currentApp = 'author-polls';
    expect(runWithRequest(request, () => reverse('polls:detail', { args: [1] }))).toBe(
      '/author-polls/1/',
    );
    expect(
      runWithRequest(request, () =>
        reverse('polls:detail', { args: [1], currentApp: 'publisher-polls' }),
      ),
    ).toBe('/publisher-polls/1/');
    expect(
      runWithRequest(request, () => reverse('polls:detail', { args: [1], currentApp: null })),
    ).toBe('/publisher-polls/1/');
  });

  it('passes query and fragment through, and an explicit urlconf', () => {
    expect(reverse('home', { urlconf: resolver, query: { q: 'a b' }, fragment: 'top' })).toBe(
      '/?q=a+b#top',
    );
  });

  it('reverses a view function', () => {
    setDefaultUrlconf(other);
    expect(reverse(view)).toBe('/elsewhere/');
  });

  it('propagates NoReverseMatch', () => {
    setDefaultUrlconf(resolver);
    expect(() => reverse('nope')).toThrow(NoReverseMatch);
  });

  it('refuses a list of patterns as the default urlconf, saying what to pass', () => {
    expect(() => setDefaultUrlconf([] as never)).toThrow(/createResolver\(urlpatterns\)/);
  });

  it('reports the urlconf in use', () => {
    setDefaultUrlconf(other);
    expect(getUrlconf()).toBe(other);
    expect(getUrlconf(requestIn(null))).toBe(resolver);
  });
});

describe('reverseLazy', () => {
  it('reverses only when used, each time against the urlconf then in force', () => {
    const lazy = reverseLazy('home');
    expect(isLazyString(lazy)).toBe(true);
    setDefaultUrlconf(resolver);
    // A template literal's coercion of the lazy URL is what is asserted.
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions
    expect(`${lazy}`).toBe('/');
    expect(String(lazy)).toBe('/');
    expect(JSON.stringify({ url: lazy })).toBe('{"url":"/"}');
    setDefaultUrlconf(other);
    expect(lazy.toString()).toBe('/elsewhere/');
    expect(isLazyString('/')).toBe(false);
  });

  it('renders in a template', async () => {
    setDefaultUrlconf(resolver);
    const response = await render(null, new Engine().fromString('<a href="{{ url }}">'), {
      url: reverseLazy('home'),
    });
    expect(response.text()).toBe('<a href="/">');
  });
});

describe('{% url %} in render()', () => {
  it('reverses against the request’s resolver and namespace', async () => {
    const engine = new Engine({ templates: { 'a.html': '{% url "polls:detail" 7 %}' } });
    const response = await render(requestIn('author-polls'), 'a.html', {}, { templates: engine });
    expect(response.text()).toBe('/author-polls/7/');
  });

  it('leaves an engine’s own reverse alone', async () => {
    const engine = new Engine({
      templates: { 'a.html': '{% url "home" %}' },
      reverse: () => '/custom/',
    });
    const response = await render(requestIn(null), 'a.html', {}, { templates: engine });
    expect(response.text()).toBe('/custom/');
  });
});
