import { HttpRequest, HttpResponse } from '@reins/http';
import { describe, expect, it } from 'vitest';
import { cacheControl, neverCache, varyOnCookie, varyOnHeaders } from './view-decorators.js';

const request = new HttpRequest({
  method: 'GET',
  url: '/',
  headers: { host: 'testserver' },
  options: { allowedHosts: ['*'] },
});

describe('view decorators', () => {
  it("neverCache sends Django's never-cache headers and keeps a sync view sync", () => {
    const view = neverCache(() => new HttpResponse('x'));
    const response = view();
    expect(response).toBeInstanceOf(HttpResponse);
    expect(response.headers.get('Cache-Control')).toBe(
      'max-age=0, no-cache, no-store, must-revalidate, private',
    );
    expect(response.headers.get('Expires')).toMatch(/ GMT$/);
  });

  it('cacheControl patches Cache-Control on async views too', async () => {
    const view = cacheControl({ maxAge: 3600, public: true })((_request: HttpRequest) => {
      const response = new HttpResponse('x');
      response.headers.set('Cache-Control', 'private, max-age=60');
      return Promise.resolve(response);
    });
    const response = await view(request);
    expect(response.headers.get('Cache-Control')).toBe('max-age=60, public');
  });

  it('varyOnHeaders and varyOnCookie add to Vary, and the view keeps its name and markers', () => {
    const home = () => new HttpResponse('x');
    Object.assign(home, { csrfExempt: true });
    const view = varyOnCookie(varyOnHeaders('Accept-Language', 'User-Agent')(home));
    expect(view.name).toBe('home');
    expect((view as unknown as { csrfExempt: boolean }).csrfExempt).toBe(true);
    expect(view().headers.get('Vary')).toBe('Accept-Language, User-Agent, Cookie');
  });
});
