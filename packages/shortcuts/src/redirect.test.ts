import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DisallowedRedirect,
  HttpResponse,
  HttpResponsePermanentRedirect,
  HttpResponseRedirect,
} from '@reins/http';
import { createResolver, NoReverseMatch, path } from '@reins/urls';
import { redirect, redirectToUrl, redirectToView, resolveUrl } from './redirect.js';
import { setDefaultUrlconf } from './reverse.js';

const view = (): HttpResponse => new HttpResponse('');
beforeEach(() => {
  setDefaultUrlconf(
    createResolver([
      path('', view, { name: 'home' }),
      path('article/<int:pk>/', view, { name: 'detail' }),
      // A route named like a URL: Django tries names first, so this wins over the URL reading.
      path('looks/like/', view, { name: 'example.com' }),
    ]),
  );
});
afterEach(() => setDefaultUrlconf(null));

describe('redirect', () => {
  it.each([
    ['a view name', () => redirect('home'), 302, '/'],
    ['a name with positional args', () => redirect('detail', 4), 302, '/article/4/'],
    [
      'a name with kwargs, permanent',
      () => redirect('detail', { kwargs: { pk: 5 }, permanent: true }),
      301,
      '/article/5/',
    ],
    ['a URL', () => redirect('/some/where/?q=1'), 302, '/some/where/?q=1'],
    [
      'a URL object',
      () => redirect(new URL('https://example.org/x')),
      302,
      'https://example.org/x',
    ],
    ['a model', () => redirect({ getAbsoluteUrl: () => '/article/9/' }), 302, '/article/9/'],
    [
      'a name that looks like a URL (names win, as in Django)',
      () => redirect('example.com'),
      302,
      '/looks/like/',
    ],
    [
      'a query and fragment',
      () => redirect('detail', { args: [1], query: { a: 1 }, fragment: 'c' }),
      302,
      '/article/1/?a=1#c',
    ],
  ] as const)('%s', (_name, run, status, location) => {
    const response = run();
    expect(response.status).toBe(status);
    expect(response.headers.get('Location')).toBe(location);
    expect(response).toBeInstanceOf(
      status === 301 ? HttpResponsePermanentRedirect : HttpResponseRedirect,
    );
  });

  it('refuses unsafe schemes (DisallowedRedirect) and reports bad names (NoReverseMatch)', () => {
    expect(() => redirect('javascript://alert(1)')).toThrow(DisallowedRedirect);
    expect(() => redirect('javascript:alert(1)')).toThrow(DisallowedRedirect);
    expect(() => redirect('vbscript:msgbox')).toThrow(/not a view name .* scheme 'vbscript'/);
    expect(() => redirect('nope')).toThrow(NoReverseMatch);
    expect(() => redirect(view)).not.toThrow();
    expect(() => redirect(() => new HttpResponse(''))).toThrow(NoReverseMatch);
  });

  it('refuses a mix of positional arguments and options', () => {
    expect(() =>
      (redirect as (...args: unknown[]) => unknown)('detail', 1, { permanent: true }),
    ).toThrow(/either positional arguments or one options object/);
  });
});

describe('redirectToUrl / redirectToView', () => {
  it('never reverses a URL, and never treats a name as a URL', () => {
    expect(redirectToUrl('home').headers.get('Location')).toBe('home');
    expect(redirectToUrl('/x/', { permanent: true }).status).toBe(301);
    expect(() => redirectToUrl('data:text/html,x')).toThrow(DisallowedRedirect);
    expect(redirectToView('detail', { args: [3] }).headers.get('Location')).toBe('/article/3/');
    expect(() => redirectToView('/some/url/')).toThrow(NoReverseMatch);
  });

  it('resolveUrl leaves ./ and ../ alone without reversing', () => {
    expect(resolveUrl('./x')).toBe('./x');
    expect(resolveUrl('../x')).toBe('../x');
  });
});
