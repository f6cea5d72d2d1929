import { BadHeaderError, HttpRequest, HttpResponse } from '@reins/http';
import { describe, expect, it } from 'vitest';
import { SecurityMiddleware, securityMiddleware } from './security-middleware.js';

const request = () =>
  new HttpRequest({
    url: '/',
    headers: { host: 'testserver' },
    options: { allowedHosts: ['testserver'] },
  });
const inner = () => new HttpResponse('ok');

describe('securityMiddleware', () => {
  it('sends Cross-Origin-Opener-Policy: same-origin by default (Django 4.0+)', () => {
    const response = SecurityMiddleware(inner)(request()) as HttpResponse;
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('same-origin');
  });

  it('takes another COOP value, none with null, and keeps a view’s own', () => {
    const popups = securityMiddleware({ crossOriginOpenerPolicy: 'same-origin-allow-popups' })(
      inner,
    );
    expect((popups(request()) as HttpResponse).headers.get('Cross-Origin-Opener-Policy')).toBe(
      'same-origin-allow-popups',
    );
    const none = securityMiddleware({ crossOriginOpenerPolicy: null })(inner);
    expect((none(request()) as HttpResponse).headers.has('Cross-Origin-Opener-Policy')).toBe(false);
    const own = SecurityMiddleware(() => {
      const response = new HttpResponse('ok');
      response.headers.set('Cross-Origin-Opener-Policy', 'unsafe-none');
      return response;
    });
    expect((own(request()) as HttpResponse).headers.get('Cross-Origin-Opener-Policy')).toBe(
      'unsafe-none',
    );
  });

  it('refuses a header value with a newline on each response, as Django does, not at start-up', () => {
    const handler = securityMiddleware({ referrerPolicy: 'same-origin\r\nX-Evil: 1' })(inner);
    expect(() => handler(request())).toThrow(BadHeaderError);
    // A view's own Referrer-Policy wins, so nothing is set and nothing is refused.
    const own = securityMiddleware({ referrerPolicy: 'same-origin\r\nX-Evil: 1' })(() => {
      const response = new HttpResponse('ok');
      response.headers.set('referrer-policy', 'no-referrer');
      return response;
    });
    expect((own(request()) as HttpResponse).headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('sends a value outside Latin-1 MIME-encoded, as Django does', () => {
    const handler = securityMiddleware({ referrerPolicy: 'é€' })(inner);
    expect((handler(request()) as HttpResponse).headers.get('Referrer-Policy')).toBe(
      new HttpResponse('', { headers: { 'Referrer-Policy': 'é€' } }).headers.get('Referrer-Policy'),
    );
  });

  it('refuses a negative or fractional hstsSeconds at start-up', () => {
    expect(() => securityMiddleware({ hstsSeconds: -1 })).toThrow(
      /hstsSeconds must be a whole number/,
    );
    expect(() => securityMiddleware({ hstsSeconds: 1.5 })).toThrow(/got 1\.5/);
  });

  it('accepts redirectExempt patterns as RegExp objects', () => {
    const handler = securityMiddleware({ sslRedirect: true, redirectExempt: [/^health$/g] })(inner);
    const health = new HttpRequest({
      url: '/health',
      headers: { host: 'testserver' },
      options: { allowedHosts: ['testserver'] },
    });
    expect((handler(health) as HttpResponse).status).toBe(200);
    expect((handler(health) as HttpResponse).status).toBe(200);
    expect((handler(request()) as HttpResponse).headers.get('Location')).toBe(
      'https://testserver/',
    );
  });
});
