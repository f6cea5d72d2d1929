/**
 * CsrfViewMiddleware, ported case by case from Django 4.0's `tests/csrf_tests` (names kept in the
 * test titles); reasons are Django's, word for word.
 */
import type { HttpResponse } from '@reins/http';
import { HttpRequest, HttpResponse as Response, HttpResponseForbidden, isSafe } from '@reins/http';
import { describe, expect, it } from 'vitest';
import { csrfContextProcessor, getToken, rotateToken, skipCsrfChecks } from './csrf-token.js';
import type { CsrfViewMiddlewareOptions } from './csrf-view-middleware.js';
import { CsrfViewMiddleware, csrfExempt, csrfViewMiddleware } from './csrf-view-middleware.js';
import { maskCipherSecret, unmaskCipherToken } from './internal/csrf-cipher.js';
import type { AnyView, GetResponse, MiddlewareHandler } from './middleware.js';

const SECRET = 'lcccccccX2kcccccccY2jcccccccssIC';
const COOKIE = maskCipherSecret(SECRET);
const OTHER_TOKEN = maskCipherSecret(SECRET);

interface RequestSpec {
  method?: string;
  cookie?: string | null;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  secure?: boolean;
  host?: string;
}

function makeRequest(spec: RequestSpec = {}): HttpRequest {
  const headers: Record<string, string> = { host: spec.host ?? 'testserver' };
  const cookie = spec.cookie === undefined ? COOKIE : spec.cookie;
  if (cookie !== null) headers.cookie = `csrftoken=${cookie}`;
  let body: string | null = null;
  if (spec.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(spec.form).toString();
  }
  for (const [name, value] of Object.entries(spec.headers ?? {}))
    headers[name.toLowerCase()] = value;
  return new HttpRequest({
    method: spec.method ?? 'POST',
    url: '/',
    headers,
    body,
    scheme: spec.secure ? 'https' : 'http',
    options: { allowedHosts: ['testserver', 'www.example.com', '.example.com'] },
  });
}

const plainView: AnyView = () => new Response('ok');
const tokenView: AnyView = (request: HttpRequest) => new Response(getToken(request));

/** The handler's part: run processView, then the view unless it answered. */
async function run(
  request: HttpRequest,
  view: AnyView = plainView,
  options: CsrfViewMiddlewareOptions = {},
): Promise<{ response: HttpResponse; reasons: string[] }> {
  const reasons: string[] = [];
  const failureView = (_request: HttpRequest, reason: string) => {
    reasons.push(reason);
    return new HttpResponseForbidden(reason);
  };
  const inner: GetResponse = async (req) =>
    (await handler.processView?.(req, view, {}, [])) ??
    (view as (request: HttpRequest) => HttpResponse)(req);
  const handler: MiddlewareHandler = csrfViewMiddleware({ failureView, ...options })(inner);
  const response = (await handler(request)) as HttpResponse;
  return { response, reasons };
}

async function reasonFor(spec: RequestSpec, options: CsrfViewMiddlewareOptions = {}) {
  const { response, reasons } = await run(makeRequest(spec), plainView, options);
  return response.status === 403 ? reasons[0] : 'accepted';
}

describe('csrfViewMiddleware: token checks', () => {
  it.each<[string, RequestSpec, string]>([
    ['test_process_request_no_csrf_cookie', { cookie: null }, 'CSRF cookie not set.'],
    ['test_process_request_csrf_cookie_no_token', {}, 'CSRF token missing.'],
    [
      'test_process_request_csrf_cookie_and_token',
      { form: { csrfmiddlewaretoken: OTHER_TOKEN } },
      'accepted',
    ],
    [
      'test_csrf_cookie_bare_secret_accepted_and_not_replaced',
      { cookie: SECRET, form: { csrfmiddlewaretoken: OTHER_TOKEN } },
      'accepted',
    ],
    [
      'test_csrf_token_in_header',
      { method: 'POST', headers: { 'X-CSRFToken': OTHER_TOKEN } },
      'accepted',
    ],
    [
      'test_put_and_delete_allowed',
      { method: 'PUT', headers: { 'X-CSRFToken': OTHER_TOKEN } },
      'accepted',
    ],
    ['test_put_and_delete_rejected (PUT)', { method: 'PUT' }, 'CSRF token missing.'],
    ['test_put_and_delete_rejected (DELETE)', { method: 'DELETE' }, 'CSRF token missing.'],
    [
      'test_post_token_incorrect',
      { form: { csrfmiddlewaretoken: maskCipherSecret('a'.repeat(32)) } },
      'CSRF token from POST incorrect.',
    ],
    [
      'test_post_token_incorrect_length',
      { form: { csrfmiddlewaretoken: 'short' } },
      'CSRF token from POST has incorrect length.',
    ],
    [
      'test_post_token_invalid_characters',
      { form: { csrfmiddlewaretoken: '!'.repeat(64) } },
      'CSRF token from POST has invalid characters.',
    ],
    [
      'test_header_token_incorrect',
      { method: 'PUT', headers: { 'X-CSRFToken': maskCipherSecret('a'.repeat(32)) } },
      "CSRF token from the 'X-Csrftoken' HTTP header incorrect.",
    ],
    [
      'test_header_token_incorrect_length',
      { method: 'PUT', headers: { 'X-CSRFToken': 'x' } },
      "CSRF token from the 'X-Csrftoken' HTTP header has incorrect length.",
    ],
    [
      'test_empty_form_field_falls_back_to_header',
      { form: { csrfmiddlewaretoken: '' }, headers: { 'X-CSRFToken': OTHER_TOKEN } },
      'accepted',
    ],
    [
      'test_cookie_incorrect_length',
      { cookie: 'a'.repeat(10), form: { csrfmiddlewaretoken: OTHER_TOKEN } },
      'CSRF cookie has incorrect length.',
    ],
    [
      'test_cookie_invalid_characters',
      { cookie: '$'.repeat(64), form: { csrfmiddlewaretoken: OTHER_TOKEN } },
      'CSRF cookie has invalid characters.',
    ],
    ['test_get_head_options_trace_are_safe (HEAD)', { method: 'HEAD', cookie: null }, 'accepted'],
    [
      'test_get_head_options_trace_are_safe (OPTIONS)',
      { method: 'OPTIONS', cookie: null },
      'accepted',
    ],
    ['test_get_head_options_trace_are_safe (TRACE)', { method: 'TRACE', cookie: null }, 'accepted'],
  ])('%s', async (_name, spec, expected) => {
    expect(await reasonFor(spec)).toBe(expected);
  });

  it('test_csrf_token_in_header_with_customized_name', async () => {
    const options = { headerName: 'HTTP_X_CSRFTOKEN_CUSTOMIZED' };
    expect(
      await reasonFor(
        { method: 'PUT', headers: { 'X-CSRFToken-Customized': OTHER_TOKEN } },
        options,
      ),
    ).toBe('accepted');
    expect(
      await reasonFor({ method: 'PUT', headers: { 'X-CSRFToken-Customized': 'x' } }, options),
    ).toBe("CSRF token from the 'X-Csrftoken-Customized' HTTP header has incorrect length.");
  });
});

describe('csrfViewMiddleware: Origin checks', () => {
  const ok = { form: { csrfmiddlewaretoken: OTHER_TOKEN } };
  it.each<[string, RequestSpec, CsrfViewMiddlewareOptions, string]>([
    [
      'test_bad_origin_bad_domain',
      { ...ok, headers: { Origin: 'https://www.evil.org' } },
      {},
      'Origin checking failed - https://www.evil.org does not match any trusted origins.',
    ],
    [
      'test_bad_origin_null_origin',
      { ...ok, headers: { Origin: 'null' } },
      {},
      'Origin checking failed - null does not match any trusted origins.',
    ],
    [
      'test_bad_origin_bad_protocol',
      { ...ok, secure: true, headers: { Origin: 'http://testserver' } },
      {},
      'Origin checking failed - http://testserver does not match any trusted origins.',
    ],
    [
      'test_good_origin_insecure',
      { ...ok, headers: { Origin: 'http://testserver' } },
      {},
      'accepted',
    ],
    [
      'test_good_origin_secure',
      { ...ok, secure: true, headers: { Origin: 'https://testserver' } },
      {},
      'accepted',
    ],
    [
      'test_good_origin_csrf_trusted_origin_allowed',
      { ...ok, headers: { Origin: 'https://dashboard.example.com' } },
      { trustedOrigins: ['https://dashboard.example.com'] },
      'accepted',
    ],
    [
      'test_good_origin_wildcard_csrf_trusted_origin_allowed',
      { ...ok, headers: { Origin: 'https://foo.example.com' } },
      { trustedOrigins: ['https://*.example.com'] },
      'accepted',
    ],
    [
      'test_bad_origin_csrf_trusted_origin_bad_protocol',
      { ...ok, headers: { Origin: 'http://foo.example.com' } },
      { trustedOrigins: ['https://*.example.com'] },
      'Origin checking failed - http://foo.example.com does not match any trusted origins.',
    ],
    [
      'test_bad_origin_cannot_be_parsed',
      { ...ok, headers: { Origin: 'https://[' } },
      { trustedOrigins: ['https://*.example.com'] },
      'Origin checking failed - https://[ does not match any trusted origins.',
    ],
    [
      'test_origin_checked_before_token',
      { cookie: null, headers: { Origin: 'https://evil.org' } },
      {},
      'Origin checking failed - https://evil.org does not match any trusted origins.',
    ],
  ])('%s', async (_name, spec, options, expected) => {
    expect(await reasonFor(spec, options)).toBe(expected);
  });

  it('refuses trusted origins without a scheme at start-up', () => {
    expect(() => csrfViewMiddleware({ trustedOrigins: ['example.com'] })).toThrow(
      /has no scheme\. Write it as 'https:\/\/example\.com'/,
    );
  });
});

describe('csrfViewMiddleware: Referer checks over HTTPS', () => {
  const ok = { form: { csrfmiddlewaretoken: OTHER_TOKEN }, secure: true };
  it.each<[string, RequestSpec, CsrfViewMiddlewareOptions, string]>([
    ['test_https_no_referer', ok, {}, 'Referer checking failed - no Referer.'],
    [
      'test_https_malformed_referer (no scheme)',
      { ...ok, headers: { Referer: 'testserver' } },
      {},
      'Referer checking failed - Referer is malformed.',
    ],
    [
      'test_https_malformed_referer (no host)',
      { ...ok, headers: { Referer: 'https://' } },
      {},
      'Referer checking failed - Referer is malformed.',
    ],
    [
      'test_https_malformed_referer (bad ipv6)',
      { ...ok, headers: { Referer: 'https://[' } },
      {},
      'Referer checking failed - Referer is malformed.',
    ],
    [
      'test_https_bad_referer (insecure)',
      { ...ok, headers: { Referer: 'http://testserver/' } },
      {},
      'Referer checking failed - Referer is insecure while host is secure.',
    ],
    [
      'test_https_bad_referer',
      { ...ok, headers: { Referer: 'https://www.evil.org/somepage' } },
      {},
      'Referer checking failed - https://www.evil.org/somepage does not match any trusted origins.',
    ],
    [
      'test_https_good_referer',
      { ...ok, headers: { Referer: 'https://testserver/somepage' } },
      {},
      'accepted',
    ],
    [
      'test_https_good_referer_2 (trailing slash)',
      { ...ok, headers: { Referer: 'https://testserver/' } },
      {},
      'accepted',
    ],
    [
      'test_https_csrf_trusted_origin_allowed',
      { ...ok, headers: { Referer: 'https://dashboard.example.com' } },
      { trustedOrigins: ['https://dashboard.example.com'] },
      'accepted',
    ],
    [
      'test_https_csrf_wildcard_trusted_origin_allowed',
      { ...ok, headers: { Referer: 'https://dashboard.example.com' } },
      { trustedOrigins: ['https://*.example.com'] },
      'accepted',
    ],
    [
      'test_https_good_referer_matches_cookie_domain',
      { ...ok, host: 'www.example.com', headers: { Referer: 'https://foo.example.com/' } },
      { cookieDomain: '.example.com' },
      'accepted',
    ],
    [
      'test_https_bad_referer_with_cookie_domain',
      { ...ok, host: 'www.example.com', headers: { Referer: 'https://evil.org/' } },
      { cookieDomain: '.example.com' },
      'Referer checking failed - https://evil.org/ does not match any trusted origins.',
    ],
    [
      'test_https_origin_takes_precedence',
      { ...ok, headers: { Origin: 'https://testserver' } },
      {},
      'accepted',
    ],
  ])('%s', async (_name, spec, options, expected) => {
    expect(await reasonFor(spec, options)).toBe(expected);
  });
});

function setCookieOf(response: HttpResponse): { value: string; text: string } | undefined {
  const cookie = response.cookies.get('csrftoken');
  return cookie && { value: cookie.value, text: cookie.toString() };
}

describe('csrfViewMiddleware: the cookie', () => {
  it('test_token_node_no_csrf_cookie: sets a new cookie when the view uses the token', async () => {
    const { response } = await run(makeRequest({ method: 'GET', cookie: null }), tokenView);
    const cookie = setCookieOf(response)!;
    expect(cookie.value).toMatch(/^[a-zA-Z0-9]{64}$/);
    expect(cookie.text).toMatch(/; Max-Age=31449600; Path=\/; SameSite=Lax$/);
    expect(response.headers.get('Vary')).toBe('Cookie');
    // The token in the page unmasks to the cookie's secret.
    expect(unmaskCipherToken(response.text())).toBe(unmaskCipherToken(cookie.value));
  });

  it('test_process_response_get_token_not_used: no cookie when nothing asked for the token', async () => {
    const { response } = await run(makeRequest({ method: 'GET', cookie: null }));
    expect(response.cookies.size).toBe(0);
    expect(response.headers.has('Vary')).toBe(false);
  });

  it('test_token_node_with_csrf_cookie: re-sends the same cookie to renew it', async () => {
    const { response } = await run(makeRequest({ method: 'GET' }), tokenView);
    expect(setCookieOf(response)!.value).toBe(COOKIE);
    expect(unmaskCipherToken(response.text())).toBe(SECRET);
  });

  it('test_bare_secret_cookie_is_replaced_by_a_masked_one', async () => {
    const { response } = await run(makeRequest({ method: 'GET', cookie: SECRET }));
    const value = setCookieOf(response)!.value;
    expect(value).toHaveLength(64);
    expect(unmaskCipherToken(value)).toBe(SECRET);
  });

  it('test_invalid_cookie_is_replaced_with_a_new_token', async () => {
    const { response } = await run(makeRequest({ method: 'GET', cookie: 'bad' }));
    expect(setCookieOf(response)!.value).toMatch(/^[a-zA-Z0-9]{64}$/);
  });

  it('test_rotate_token: the view gets a new secret and the cookie follows', async () => {
    const rotating: AnyView = (request: HttpRequest) => {
      rotateToken(request);
      return new Response(getToken(request));
    };
    const { response } = await run(makeRequest({ method: 'GET' }), rotating);
    const value = setCookieOf(response)!.value;
    expect(unmaskCipherToken(value)).not.toBe(SECRET);
    expect(unmaskCipherToken(response.text())).toBe(unmaskCipherToken(value));
  });

  it('honours the cookie options', async () => {
    const { response } = await run(makeRequest({ method: 'GET', cookie: null }), tokenView, {
      cookieName: 'csrftoken',
      cookieAge: null,
      cookieDomain: '.example.com',
      cookiePath: '/app/',
      cookieSecure: true,
      cookieHttponly: true,
      cookieSamesite: 'Strict',
    });
    expect(setCookieOf(response)!.text).toMatch(
      /^csrftoken=[a-zA-Z0-9]{64}; Domain=\.example\.com; HttpOnly; Path=\/app\/; SameSite=Strict; Secure$/,
    );
  });

  it('does not set the cookie twice for one response', async () => {
    const request = makeRequest({ method: 'GET', cookie: null });
    const inner: GetResponse = (req) => (tokenView as (r: HttpRequest) => HttpResponse)(req);
    const outer = csrfViewMiddleware()(csrfViewMiddleware()(inner));
    const response = await outer(request);
    expect(response.headers.get('Vary')).toBe('Cookie');
    expect(response.cookies.size).toBe(1);
  });
});

describe('csrfViewMiddleware: more of Django 4.0’s cases', () => {
  it('test_cookie_not_reset_on_accepted_request: no Set-Cookie when the token was not used', async () => {
    const { response } = await run(makeRequest({ form: { csrfmiddlewaretoken: OTHER_TOKEN } }));
    expect(response.status).toBe(200);
    expect(response.cookies.size).toBe(0);
  });

  it('test_bare_secret_accepted_and_replaced: the old cookie format is upgraded', async () => {
    const { response } = await run(
      makeRequest({ cookie: SECRET, form: { csrfmiddlewaretoken: OTHER_TOKEN } }),
    );
    expect(response.status).toBe(200);
    const value = setCookieOf(response)!.value;
    expect(value).toHaveLength(64);
    expect(unmaskCipherToken(value)).toBe(SECRET);
  });

  it('test_token_node_empty_csrf_cookie: an empty cookie is replaced by a new token', async () => {
    const { response } = await run(makeRequest({ method: 'GET', cookie: '' }), tokenView);
    expect(setCookieOf(response)!.value).toMatch(/^[a-zA-Z0-9]{64}$/);
  });

  it('test_https_good_referer_matches_cookie_domain_with_different_port', async () => {
    const request = new HttpRequest({
      method: 'POST',
      url: '/',
      headers: {
        host: 'www.example.com:4443',
        cookie: `csrftoken=${COOKIE}`,
        'content-type': 'application/x-www-form-urlencoded',
        referer: 'https://foo.example.com:4443/',
      },
      body: `csrfmiddlewaretoken=${OTHER_TOKEN}`,
      scheme: 'https',
      connection: { localPort: 4443, encrypted: true },
      options: { allowedHosts: ['.example.com'] },
    });
    const { response, reasons } = await run(request, plainView, { cookieDomain: '.example.com' });
    expect(reasons).toEqual([]);
    expect(response.status).toBe(200);
  });

  it('test_reading_post_data_raises_unreadable_post_error: refused for want of a token', async () => {
    async function* brokenBody(): AsyncGenerator<Uint8Array> {
      await Promise.resolve(); // a source's chunks arrive asynchronously
      yield new TextEncoder().encode('csrfmiddlewaretoken=');
      throw Object.assign(new Error('socket closed'), { code: 'ECONNRESET' });
    }
    const request = new HttpRequest({
      method: 'POST',
      url: '/',
      headers: {
        host: 'testserver',
        cookie: `csrftoken=${COOKIE}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: brokenBody(),
      options: { allowedHosts: ['testserver'] },
    });
    const { reasons } = await run(request);
    expect(reasons).toEqual(['CSRF token missing.']);
  });
});

describe('csrfViewMiddleware: exemptions', () => {
  it('test_csrf_exempt: an exempt view is not checked but getToken still works', async () => {
    const view = csrfExempt(tokenView);
    const { response } = await run(makeRequest({ cookie: null }), view);
    expect(response.status).toBe(200);
    expect(view.csrfExempt).toBe(true);
    expect(setCookieOf(response)).toBeDefined();
  });

  it('csrfExempt keeps the view working and named', () => {
    function namedView() {
      return new Response('named');
    }
    const exempt = csrfExempt(namedView);
    expect(exempt.name).toBe('namedView');
    expect(exempt().text()).toBe('named');
  });

  it('test_dont_enforce_csrf_checks: a test client can switch the checks off', async () => {
    const request = makeRequest({ cookie: null });
    skipCsrfChecks(request);
    const { response } = await run(request);
    expect(response.status).toBe(200);
  });

  it('checks a request only once', async () => {
    const request = makeRequest({ form: { csrfmiddlewaretoken: OTHER_TOKEN } });
    const handler = csrfViewMiddleware()(() => new Response('ok'));
    expect(await handler.processView!(request, plainView, {}, [])).toBeNull();
    // A second pass (a decorator and the middleware both present) skips the checks.
    request.COOKIES = {};
    expect(await handler.processView!(request, plainView, {}, [])).toBeNull();
  });
});

describe('csrfViewMiddleware: the failure page', () => {
  async function page(debug: boolean) {
    const handler = CsrfViewMiddleware.with({ debug })(() => new Response('ok'));
    const request = makeRequest({
      form: { csrfmiddlewaretoken: OTHER_TOKEN },
      headers: { Origin: 'https://<script>.evil' },
    });
    void handler(request);
    return (await handler.processView!(request, plainView, {}, [])) as HttpResponse;
  }

  it('is a 403 saying what failed, with details in debug', async () => {
    const response = await page(true);
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toBe('text/html');
    const text = response.text();
    expect(text).toContain('<h1>Forbidden <span>(403)</span></h1>');
    expect(text).toContain('CSRF verification failed. Request aborted.');
    expect(text).toContain(
      'Origin checking failed - https://&lt;script&gt;.evil does not match any trusted origins.',
    );
    expect(text).not.toContain('<script>');
  });

  it('keeps the reason out of the page when debug is off', async () => {
    const text = (await page(false)).text();
    expect(text).toContain('CSRF verification failed. Request aborted.');
    expect(text).not.toContain('Origin checking failed');
    expect(text).toContain('More information is available with DEBUG=True.');
  });

  it('explains a missing cookie', async () => {
    const handler = csrfViewMiddleware()(() => new Response('ok'));
    const request = makeRequest({ cookie: null });
    void handler(request);
    const response = (await handler.processView!(request, plainView, {}, [])) as HttpResponse;
    expect(response.text()).toContain('CSRF cookie when a form is submitted');
  });
});

describe('getToken and csrfContextProcessor', () => {
  it('gives a differently masked token each call, all for one secret', () => {
    const request = makeRequest({ method: 'GET', cookie: null });
    const first = getToken(request);
    const second = getToken(request);
    expect(first).not.toBe(second);
    expect(unmaskCipherToken(first)).toBe(unmaskCipherToken(second));
  });

  it('gives templates a safe string (printed as text, never as an object), computed on first use', () => {
    const request = makeRequest({ method: 'GET', cookie: null });
    const { csrf_token } = csrfContextProcessor(request);
    expect(isSafe(csrf_token)).toBe(true);
    expect(Object.getOwnPropertySymbols(request.state)).toHaveLength(0);
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the lazy token's coercion is under test
    const text = `${csrf_token}`;
    expect(text).toMatch(/^[a-zA-Z0-9]{64}$/);
    expect(String(csrf_token)).toBe(text);
    expect(JSON.stringify({ csrf_token })).toBe(`{"csrf_token":"${text}"}`);
  });

  it('resolves the template variable lazily: no cookie unless a template used it', async () => {
    const unused: AnyView = (request: HttpRequest) => {
      csrfContextProcessor(request);
      return new Response('no token');
    };
    const used: AnyView = (request: HttpRequest) => {
      const { csrf_token } = csrfContextProcessor(request);
      // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the lazy token's coercion is under test
      return new Response(`${csrf_token}|${csrf_token}`);
    };
    expect(
      (await run(makeRequest({ method: 'GET', cookie: null }), unused)).response.cookies.size,
    ).toBe(0);
    const { response } = await run(makeRequest({ method: 'GET', cookie: null }), used);
    const [a, b] = response.text().split('|');
    expect(a).toHaveLength(64);
    expect(a).toBe(b);
    expect(unmaskCipherToken(a!)).toBe(unmaskCipherToken(setCookieOf(response)!.value));
  });
});
