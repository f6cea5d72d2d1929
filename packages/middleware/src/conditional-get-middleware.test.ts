import { HttpRequest, HttpResponse } from '@reins/http';
import { describe, expect, it } from 'vitest';
import { getConditionalResponse } from './conditional-get-middleware.js';

const request = (headers: Record<string, string>, method = 'GET') =>
  new HttpRequest({ method, url: '/', headers: { host: 'testserver', ...headers } });

describe('getConditionalResponse', () => {
  it('answers 412 to a failed If-None-Match on an unsafe method', () => {
    const response = getConditionalResponse(request({ 'if-none-match': '"v1"' }, 'PUT'), {
      etag: '"v1"',
      response: new HttpResponse('x'),
    });
    expect(response.status).toBe(412);
  });

  it('keeps cookies and the RFC 7232 headers on a 304', () => {
    const original = new HttpResponse('x');
    original.setCookie('session', 'abc');
    original.headers.set('Expires', 'Thu, 01 Dec 2094 16:00:00 GMT');
    original.headers.set('Content-Location', '/x');
    original.headers.set('X-Dropped', 'yes');
    const response = getConditionalResponse(request({ 'if-none-match': '*' }), {
      etag: '"v1"',
      response: original,
    });
    expect(response.status).toBe(304);
    expect(response.cookies.get('session')?.value).toBe('abc');
    expect(response.headers.get('Expires')).toBe('Thu, 01 Dec 2094 16:00:00 GMT');
    expect(response.headers.get('Content-Location')).toBe('/x');
    expect(response.headers.has('X-Dropped')).toBe(false);
    expect(response.headers.has('Content-Type')).toBe(false);
  });
});
