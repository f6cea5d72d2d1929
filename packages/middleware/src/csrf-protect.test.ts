import { HttpRequest, HttpResponse } from '@reins/http';
import { describe, expect, it } from 'vitest';
import { csrfProtect, ensureCsrfCookie, requiresCsrfToken } from './csrf-protect.js';
import { csrfContextProcessor, getToken } from './csrf-token.js';
import { csrfViewMiddleware } from './csrf-view-middleware.js';
import { maskCipherSecret } from './internal/csrf-cipher.js';
import type { AnyResponse } from './middleware.js';

const SECRET = 'A'.repeat(32);

function request(method: string, cookie?: string, form?: Record<string, string>): HttpRequest {
  const headers: Record<string, string> = { host: 'testserver' };
  if (cookie !== undefined) headers.cookie = `csrftoken=${cookie}`;
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
  return new HttpRequest({
    method,
    url: '/',
    headers,
    body: form ? new URLSearchParams(form).toString() : null,
    options: { allowedHosts: ['testserver'] },
  });
}

const plain = (_request: HttpRequest, _params: Record<string, unknown>) => new HttpResponse('ok');

describe('csrfProtect', () => {
  it('refuses an unsafe request without a cookie, with the 403 page', async () => {
    const response = await csrfProtect(plain)(request('POST'), {});
    expect(response.status).toBe(403);
    expect(response.text()).toContain('CSRF verification failed. Request aborted.');
  });

  it('lets a good request through to the view', async () => {
    const cookie = maskCipherSecret(SECRET);
    const form = { csrfmiddlewaretoken: maskCipherSecret(SECRET) };
    const response = await csrfProtect(plain)(request('POST', cookie, form), {});
    expect(response.text()).toBe('ok');
  });

  it('stays synchronous for a safe method', () => {
    expect(csrfProtect(plain)(request('GET'), {})).toBeInstanceOf(HttpResponse);
  });

  it('takes options, e.g. its own failure view', async () => {
    const view = csrfProtect(plain, {
      failureView: (_r, reason) => new HttpResponse(reason, { status: 419 }),
    });
    const response = await view(request('PUT'), {});
    expect(response.status).toBe(419);
    expect(response.text()).toBe('CSRF cookie not set.');
  });

  it('does not check twice nor set the cookie twice under the middleware', async () => {
    const view = csrfProtect((req: HttpRequest) => new HttpResponse(getToken(req)));
    const handler = csrfViewMiddleware()(async (req) => {
      return (await handler.processView!(req, view, {}, [])) ?? view(req);
    });
    const response = (await handler(request('GET'))) as HttpResponse;
    expect(response.cookies.size).toBe(1);
    expect(response.headers.get('Vary')).toBe('Cookie');
  });
});

describe('requiresCsrfToken', () => {
  it('runs the view on a request that would fail, with the token available', async () => {
    const view = requiresCsrfToken(
      (req: HttpRequest) => new HttpResponse(String(csrfContextProcessor(req).csrf_token)),
    );
    const response = await view(request('POST'));
    expect(response.status).toBe(200);
    expect(response.text()).toMatch(/^[a-zA-Z0-9]{64}$/);
    expect(response.cookies.has('csrftoken')).toBe(true);
  });
});

describe('ensureCsrfCookie', () => {
  it('sets the cookie although the page never used the token', () => {
    const response = ensureCsrfCookie(plain)(request('GET'), {}) as HttpResponse;
    expect(response.cookies.get('csrftoken')?.value).toMatch(/^[a-zA-Z0-9]{64}$/);
  });

  it('waits for a deferred response to render before deciding', () => {
    class Deferred extends HttpResponse {
      isRendered = false;
      readonly callbacks: ((response: AnyResponse) => unknown)[] = [];
      constructor(readonly template: () => string) {
        super('');
      }
      addPostRenderCallback(callback: (response: AnyResponse) => unknown) {
        this.callbacks.push(callback);
      }
      render() {
        this.content = this.template();
        this.isRendered = true;
        for (const callback of this.callbacks) callback(this);
      }
    }
    // The "template" asks for the token only when it renders.
    const view = requiresCsrfToken((req: HttpRequest) => new Deferred(() => getToken(req)));
    const response = view(request('GET')) as Deferred;
    expect(response.cookies.size).toBe(0);
    response.render();
    expect(response.cookies.size).toBe(1);
  });
});
