import { BadHeaderError, HttpRequest, HttpResponse } from '@reins/http';
import { describe, expect, it } from 'vitest';
import {
  XFrameOptionsMiddleware,
  xFrameOptionsExempt,
  xFrameOptionsMiddleware,
  xFrameOptionsSameorigin,
} from './x-frame-options-middleware.js';

const request = (path = '/') =>
  new HttpRequest({
    url: path,
    headers: { host: 'testserver' },
    options: { allowedHosts: ['testserver'] },
  });

describe('xFrameOptionsMiddleware', () => {
  it('takes a function of the request and response (Django: get_xframe_options_value)', () => {
    const handler = xFrameOptionsMiddleware({
      xFrameOptions: (req) => (req.path.startsWith('/embed/') ? 'sameorigin' : 'deny'),
    })(() => new HttpResponse('ok'));
    expect((handler(request('/embed/x')) as HttpResponse).headers.get('X-Frame-Options')).toBe(
      'SAMEORIGIN',
    );
    expect((handler(request('/other')) as HttpResponse).headers.get('X-Frame-Options')).toBe(
      'DENY',
    );
  });

  it('keeps a view’s own value in any case, and refuses a newline per response as Django does', () => {
    const own = XFrameOptionsMiddleware(() => {
      const response = new HttpResponse('ok');
      response.headers.set('x-frame-options', 'SAMEORIGIN');
      return response;
    });
    const response = own(request()) as HttpResponse;
    expect(response.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect([...response.headers.keys()]).toContain('x-frame-options');
    const bad = xFrameOptionsMiddleware({ xFrameOptions: 'deny\nx' })(() => new HttpResponse(''));
    expect(() => bad(request())).toThrow(BadHeaderError);
  });

  it('honours a response marked by hand (Django: response.xframe_options_exempt = True)', () => {
    const response = XFrameOptionsMiddleware(() =>
      Object.assign(new HttpResponse('ok'), { xFrameOptionsExempt: true }),
    )(request()) as HttpResponse;
    expect(response.headers.has('X-Frame-Options')).toBe(false);
  });

  it('decorators work on async views too', async () => {
    const exempt = xFrameOptionsExempt(() => Promise.resolve(new HttpResponse('ok')));
    const response = (await XFrameOptionsMiddleware(() => exempt())(request())) as HttpResponse;
    expect(response.headers.has('X-Frame-Options')).toBe(false);
    const same = xFrameOptionsSameorigin(() => Promise.resolve(new HttpResponse('ok')));
    expect((await same()).headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
  });
});
