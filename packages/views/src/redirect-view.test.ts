import { afterEach, describe, expect, it } from 'vitest';
import { HttpRequest, HttpResponse } from '@reins/http';
import { reverseLazy, setDefaultUrlconf } from '@reins/shortcuts';
import { percentFormat } from './internal/percent-format.js';
import { RedirectView } from './redirect-view.js';
import { requireHttpMethods, requireSafe } from './require-http-methods.js';

afterEach(() => setDefaultUrlconf(null));

describe('percentFormat (Python’s % with a dict)', () => {
  it.each([
    ['/a/%(pk)s/', { pk: 5 }, '/a/5/'],
    ['/a/%(pk)d/', { pk: 5.9 }, '/a/5/'],
    ['/a/%(pk)i/', { pk: 12n }, '/a/12/'],
    ['100%%/%(x)s', { x: 'y' }, '100%/y'],
    ['/plain/', {}, '/plain/'],
    ['/%(a)s/%(a)s/', { a: 'twice' }, '/twice/twice/'],
  ] as const)('%s with %o', (template, values, expected) => {
    expect(percentFormat(template, values)).toBe(expected);
  });

  it.each([
    ['/a/%(pk)s/', {}, "uses '%(pk)s', but the URL has no parameter 'pk' (it has: none)"],
    ['/a/%(pk)d/', { pk: 'x' }, '%(pk)d needs a number, not string'],
    ['/50%/', {}, "has a '%' that is not '%(name)s' or '%%'"],
    ['/a/%s/', { a: 1 }, "has a '%' that is not '%(name)s' or '%%'"],
  ] as const)('refuses %s', (template, values, message) => {
    expect(() => percentFormat(template, values)).toThrow(message);
  });
});

describe('RedirectView', () => {
  it('accepts a lazy URL and reverses it when serving', async () => {
    setDefaultUrlconf({ reverse: () => '/reversed/' });
    const response = await RedirectView.asView({ url: reverseLazy('somewhere') })(
      new HttpRequest({ url: '/r/' }),
      {},
    );
    expect(response.headers.get('Location')).toBe('/reversed/');
  });

  it('lets getRedirectUrl() be overridden, async', async () => {
    class ToLatest extends RedirectView<{ section: string }> {
      override getRedirectUrl(params: { section: string }): Promise<string | null> {
        return Promise.resolve(params.section === 'gone' ? null : `/latest/${params.section}/`);
      }
    }
    const view = ToLatest.asView();
    expect(
      (await view(new HttpRequest({ url: '/r/' }), { section: 'news' })).headers.get('Location'),
    ).toBe('/latest/news/');
    expect((await view(new HttpRequest({ url: '/r/' }), { section: 'gone' })).status).toBe(410);
  });
});

describe('requireHttpMethods', () => {
  it('keeps the view’s name and the markers other decorators set', () => {
    function detail(_request: HttpRequest): HttpResponse {
      return new HttpResponse('');
    }
    (detail as unknown as Record<string, unknown>)['csrfExempt'] = true;
    const wrapped = requireSafe(detail);
    expect(wrapped.name).toBe('detail');
    expect((wrapped as unknown as Record<string, unknown>)['csrfExempt']).toBe(true);
  });

  it('passes this, params and args through', () => {
    const view = requireHttpMethods(['GET'])(
      (_request: HttpRequest, params: { pk: number }, ...args: string[]) =>
        new HttpResponse(`${params.pk} ${args.join(',')}`),
    );
    expect(view(new HttpRequest({ url: '/' }), { pk: 3 }, 'a', 'b').text()).toBe('3 a,b');
  });
});
