import { HttpRequest, HttpResponse } from '@reins/http';
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
