/**
 * Error pages (django-semantics.md §2.5–2.6): Django's built-in 400/403/404/500 pages byte for
 * byte; `404.html`/`500.html`/`403.html`/`400.html` from the template engine when present, with
 * Django's context; the debug 404 page listing every pattern tried (from Resolver404.tried) and
 * the debug 500 page with the stack, the request and the settings with secrets masked — and
 * neither debug page ever shown with debug off.
 */
import { Http404, HttpResponse, PermissionDenied, SuspiciousOperation } from '@reins/http';
import { TemplateResponse } from '@reins/shortcuts';
import { Engine } from '@reins/templates';
import { include, path, rePath } from '@reins/urls';
import { describe, expect, it } from 'vitest';
import { createApp, pageNotFound } from '../src/index.js';
import { fallbackPage } from '../src/internal/fallback-page.js';
import { makeRequest, recordingLogger, text } from './helpers.js';

function boom(): HttpResponse {
  throw new Error('kaboom');
}

const urlpatterns = [
  path('', () => new HttpResponse('home'), { name: 'home' }),
  path(
    'polls/',
    include({
      urlpatterns: [
        path(
          '<int:pk>/',
          (_request, params: { pk: number }) => {
            throw new Http404(`No poll ${params.pk}.`);
          },
          { name: 'detail' },
        ),
      ],
      appName: 'polls',
    }),
  ),
  path('denied/', () => {
    throw new PermissionDenied('Members only.');
  }),
  path('suspicious/', () => {
    throw new SuspiciousOperation('Tampered.');
  }),
  path('boom/', boom, { name: 'boom' }),
  rePath('^re/(?P<slug>[a-z]+)/$', () => new HttpResponse('re')),
];

function app(
  options: {
    debug?: boolean;
    templates?: Record<string, string>;
    extra?: Record<string, unknown>;
  } = {},
) {
  return createApp({
    rootUrlconf: urlpatterns,
    rootUrlconfName: 'tests.urls',
    allowedHosts: ['testserver'],
    debug: options.debug ?? false,
    logger: recordingLogger(),
    ...(options.templates === undefined
      ? {}
      : { templates: new Engine({ templates: options.templates }) }),
    ...(options.extra === undefined ? {} : { extra: options.extra }),
  });
}

describe('built-in error pages (no templates)', () => {
  it.each([
    ['/nope/', 404],
    ['/denied/', 403],
    ['/suspicious/', 400],
    ['/boom/', 500],
  ] as const)('%s → %i with Django’s page', async (url, status) => {
    const response = await app().handle(makeRequest(url));
    expect(response.status).toBe(status);
    expect(text(response)).toBe(fallbackPage(status));
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });

  it('falls back to the built-in page when templates exist but not the error template', async () => {
    const response = await app({ templates: { 'base.html': 'x' } }).handle(makeRequest('/nope/'));
    expect(text(response)).toBe(fallbackPage(404));
  });
});

describe('error templates', () => {
  const templates = {
    '404.html': 'missing {{ request_path }} because {{ exception }}',
    '403.html': 'forbidden: {{ exception }}',
    '400.html': 'bad request [{{ exception }}]',
    '500.html': 'server error [{{ request_path }}{{ exception }}]',
  };

  it('renders 404.html with the URL-quoted request_path and Resolver404 as the exception for no match', async () => {
    const response = await app({ templates }).handle(makeRequest('/no%20pe/%C3%A9'));
    expect(response.status).toBe(404);
    expect(text(response)).toBe('missing /no%20pe/%C3%A9 because Resolver404');
  });

  it("passes a view's Http404 message as exception", async () => {
    const response = await app({ templates }).handle(makeRequest('/polls/7/'));
    expect(text(response)).toBe('missing /polls/7/ because No poll 7.');
  });

  it('renders 403.html with the exception text', async () => {
    const response = await app({ templates }).handle(makeRequest('/denied/'));
    expect(response.status).toBe(403);
    expect(text(response)).toBe('forbidden: Members only.');
  });

  it('renders 400.html without exposing the exception', async () => {
    const response = await app({ templates }).handle(makeRequest('/suspicious/'));
    expect(response.status).toBe(400);
    expect(text(response)).toBe('bad request []');
  });

  it('renders 500.html with no context at all', async () => {
    const response = await app({ templates }).handle(makeRequest('/boom/'));
    expect(response.status).toBe(500);
    expect(text(response)).toBe('server error []');
  });

  it('lets a custom handler use the default view with another template', async () => {
    const custom = createApp({
      rootUrlconf: [],
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      templates: new Engine({ templates: { 'errors/missing.html': 'custom {{ request_path }}' } }),
      handler404: (request, error) =>
        pageNotFound(request, error, { templateName: 'errors/missing.html' }),
    });
    expect(text(await custom.handle(makeRequest('/x/')))).toBe('custom /x/');
  });

  it('renders a TemplateResponse returned by a custom handler', async () => {
    const custom = createApp({
      rootUrlconf: [],
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      templates: new Engine({ templates: { 'gone.html': 'gone {{ what }}' } }),
      handler404: (request) =>
        new TemplateResponse(request, 'gone.html', { what: 'away' }, { status: 404 }),
    });
    const response = await custom.handle(makeRequest('/x/'));
    expect(response.status).toBe(404);
    expect(text(response)).toBe('gone away');
  });
});

describe('debug 404 page', () => {
  it('lists every pattern tried, in order, with include chains and names', async () => {
    const response = await app({ debug: true }).handle(makeRequest('/polls/x/'));
    expect(response.status).toBe(404);
    const body = text(response);
    expect(body).toContain('<title>Page not found at /polls/x/</title>');
    expect(body).toContain('Using the URLconf defined in <code>tests.urls</code>');
    const tried = [...body.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) =>
      match[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(tried).toEqual([
      "[name='home']",
      "polls/ &lt;int:pk&gt;/ [name='detail']",
      'denied/',
      'suspicious/',
      "boom/ [name='boom']",
      '^re/(?P&lt;slug&gt;[a-z]+)/$',
    ]);
    expect(body).toContain('The current path, <code>polls/x/</code>, didn’t match any of these.');
    expect(body).toContain('Request URL:</th><td>http://testserver/polls/x/');
  });

  it('shows the view, its message and "matched the last one" for a 404 raised by a view', async () => {
    const body = text(await app({ debug: true }).handle(makeRequest('/polls/3/')));
    expect(body).toContain('No poll 3.');
    expect(body).toMatch(/Raised by:<\/th><td>[^<]+</);
    expect(body).toContain('matched the last one.');
  });

  it('shows the welcome page for an empty URLconf', async () => {
    const empty = createApp({
      rootUrlconf: [],
      debug: true,
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
    });
    const response = await empty.handle(makeRequest('/'));
    expect(response.status).toBe(200);
    expect(text(response)).toContain('The install worked successfully! Congratulations!');
  });

  it('is never shown with debug off', async () => {
    const body = text(await app().handle(makeRequest('/polls/x/')));
    expect(body).not.toContain('tried these URL patterns');
    expect(body).not.toContain('polls/');
  });
});

describe('debug 500 page', () => {
  const extra = {
    secretKey: 'django-insecure-abc',
    apiToken: 'tok_123',
    database: { name: 'app.db', password: 'hunter2' },
    siteName: 'Greetings',
  };

  it('shows the error, the stack, the request and the settings with secrets masked', async () => {
    const response = await app({ debug: true, extra }).handle(
      makeRequest('/boom/?q=1&token=abc', {
        headers: { accept: 'text/html', cookie: 'api_key=s3cr3t; theme=dark' },
      }),
    );
    expect(response.status).toBe(500);
    const body = text(response);
    expect(body).toContain('<title>Error at /boom/</title>');
    expect(body).toContain('kaboom');
    expect(body).toMatch(/at boom \(/);
    expect(body).toContain('Raised during:');
    expect(body).toContain('<td>q</td>');
    expect(body).toContain('<td>theme</td><td class="code"><pre>dark</pre>');
    expect(body).toContain('<td>api_key</td><td class="code"><pre>********************</pre>');
    expect(body).toContain('Greetings');
    expect(body).toContain('tests.urls');
    for (const secret of ['django-insecure-abc', 'tok_123', 'hunter2', 'abc&#x27;', 's3cr3t'])
      expect(body).not.toContain(secret);
    expect(body).toContain('********************');
  });

  it('is plain text for a client that does not accept HTML', async () => {
    const response = await app({ debug: true, extra }).handle(
      makeRequest('/boom/', { headers: { accept: 'application/json' } }),
    );
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(text(response)).toMatch(/^Error at \/boom\/\nkaboom\n/);
    expect(text(response)).not.toContain('django-insecure-abc');
  });

  it('uses status 400 for a SuspiciousOperation', async () => {
    const response = await app({ debug: true }).handle(
      makeRequest('/suspicious/', { headers: { accept: 'text/html' } }),
    );
    expect(response.status).toBe(400);
    expect(text(response)).toContain('SuspiciousOperation at /suspicious/');
  });

  it('is never shown with debug off', async () => {
    const body = text(await app({ extra }).handle(makeRequest('/boom/')));
    expect(body).toBe(fallbackPage(500));
  });
});
