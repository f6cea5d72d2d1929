/**
 * The test client and request factory of @reins/server/testing: every method, query and body
 * encodings, cookies kept between requests, redirects followed with their chain, templates and
 * contexts recorded, HEAD bodies dropped, and a view unit-tested alone with RequestFactory.
 */
import { HttpResponse, HttpResponseRedirect, JsonResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { csrfViewMiddleware } from '@reins/middleware';
import { render } from '@reins/shortcuts';
import { Engine } from '@reins/templates';
import { path } from '@reins/urls';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { Client, RedirectCycleError, RequestFactory } from '../src/testing/index.js';
import { recordingLogger } from './helpers.js';

function echo(request: HttpRequest): JsonResponse {
  return new JsonResponse({
    method: request.method,
    query: Object.fromEntries(request.GET.lists()),
    post: Object.fromEntries(request.POST.lists()),
    contentType: request.contentType,
    body:
      request.method === 'POST' && request.contentType === 'multipart/form-data'
        ? null
        : new TextDecoder().decode(request.body),
    files: [...request.FILES.keys()],
    cookies: request.COOKIES,
    header: request.headers.get('X-Custom') ?? null,
    secure: request.isSecure(),
  });
}

const engine = new Engine({
  templates: {
    'base.html': '<h1>{{ title }}</h1>{% block body %}{% endblock %}',
    'page.html': '{% extends "base.html" %}{% block body %}{% include "part.html" %}{% endblock %}',
    'part.html': '<p>{{ items|length }} items</p>',
  },
});

const app = createApp({
  rootUrlconf: [
    path('echo/', echo),
    path('page/', (request: HttpRequest) =>
      render(request, 'page.html', { title: 'Hello', items: [1, 2, 3] }),
    ),
    path('set-cookie/', () => {
      const response = new HttpResponse('set');
      response.setCookie('flavour', 'ginger');
      return response;
    }),
    path('delete-cookie/', () => {
      const response = new HttpResponse('deleted');
      response.deleteCookie('flavour');
      return response;
    }),
    path('r1/', () => new HttpResponseRedirect('/r2/')),
    path('r2/', () => new HttpResponseRedirect('/echo/?from=r2')),
    path('loop/', () => new HttpResponseRedirect('/loop2/')),
    path('loop2/', () => new HttpResponseRedirect('/loop/')),
    path('keep/', () => new HttpResponse('', { status: 307, headers: { Location: '/echo/' } })),
    path('csrf/', () => new HttpResponse('passed')),
    path('boom/', () => {
      throw new TypeError('view broke');
    }),
  ],
  allowedHosts: ['example.com'],
  templates: engine,
  logger: recordingLogger(),
  middleware: [csrfViewMiddleware()],
});

describe('Client', () => {
  it('GETs with query data and headers, from testserver', async () => {
    const response = await new Client(app).get(
      '/echo/',
      { q: 'tea', tag: ['a', 'b'] },
      { headers: { 'X-Custom': 'yes' } },
    );
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      method: 'GET',
      query: { q: ['tea'], tag: ['a', 'b'] },
      header: 'yes',
      secure: false,
    });
    expect(response.request.getHost()).toBe('testserver');
  });

  it('POSTs multipart by default, as Django’s client', async () => {
    const response = await new Client(app).post('/echo/', {
      name: 'Ada',
      upload: new File(['hi'], 'hi.txt', { type: 'text/plain' }),
    });
    expect(response.json()).toMatchObject({
      contentType: 'multipart/form-data',
      post: { name: ['Ada'] },
      files: ['upload'],
    });
  });

  it('POSTs urlencoded or JSON when asked', async () => {
    const client = new Client(app);
    const form = await client.post(
      '/echo/',
      { a: '1' },
      { contentType: 'application/x-www-form-urlencoded' },
    );
    expect(form.json()).toMatchObject({ post: { a: ['1'] }, body: 'a=1' });
    const json = await client.post('/echo/', { a: 1 }, { contentType: 'application/json' });
    expect(json.json()).toMatchObject({
      contentType: 'application/json',
      body: '{"a":1}',
      post: {},
    });
  });

  it.each(['put', 'patch', 'delete', 'options'] as const)(
    'sends %s with a raw body',
    async (method) => {
      const response = await new Client(app)[method]('/echo/', 'raw body', {
        contentType: 'text/plain',
      });
      expect(response.json()).toMatchObject({
        method: method.toUpperCase(),
        body: 'raw body',
        contentType: 'text/plain',
      });
    },
  );

  it('drops the body of a HEAD response but keeps the status and headers', async () => {
    const response = await new Client(app).head('/echo/');
    expect(response.status).toBe(200);
    expect(response.text()).toBe('');
    expect(response.headers.get('Content-Type')).toBe('application/json');
  });

  it('keeps cookies between requests and forgets deleted ones', async () => {
    const client = new Client(app);
    await client.get('/set-cookie/');
    expect(client.cookies.get('flavour')).toBe('ginger');
    expect((await client.get('/echo/')).json()).toMatchObject({ cookies: { flavour: 'ginger' } });
    await client.get('/delete-cookie/');
    expect(client.cookies.has('flavour')).toBe(false);
  });

  it('follows redirects, recording the chain', async () => {
    const response = await new Client(app).get('/r1/', undefined, { follow: true });
    expect(response.status).toBe(200);
    expect(response.redirectChain).toEqual([
      ['/r2/', 302],
      ['/echo/?from=r2', 302],
    ]);
    expect(response.json()).toMatchObject({ query: { from: ['r2'] } });
  });

  it('does not follow redirects unless asked', async () => {
    const response = await new Client(app).get('/r1/');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/r2/');
    expect(response.redirectChain).toEqual([]);
  });

  it('keeps the method and body across a 307', async () => {
    const response = await new Client(app).post(
      '/keep/',
      { a: '1' },
      { follow: true, contentType: 'application/x-www-form-urlencoded' },
    );
    expect(response.json()).toMatchObject({ method: 'POST', post: { a: ['1'] } });
  });

  it('detects a redirect loop', async () => {
    await expect(new Client(app).get('/loop/', undefined, { follow: true })).rejects.toThrow(
      RedirectCycleError,
    );
  });

  it('records the templates rendered and their context', async () => {
    const response = await new Client(app).get('/page/');
    expect(response.text()).toBe('<h1>Hello</h1><p>3 items</p>');
    expect(response.templates.map((template) => template.name)).toEqual([
      'page.html',
      'base.html',
      'part.html',
    ]);
    expect(response.context).toMatchObject({ title: 'Hello', items: [1, 2, 3] });
  });

  it('re-raises a view exception that became a 500, as Django’s client', async () => {
    await expect(new Client(app).get('/boom/')).rejects.toThrow('view broke');
  });

  it('returns the 500 with the exception when raiseRequestException is false', async () => {
    const response = await new Client(app, { raiseRequestException: false }).get('/boom/');
    expect(response.status).toBe(500);
    expect((response.exception as Error).message).toBe('view broke');
    expect(
      (await new Client(app, { raiseRequestException: false }).get('/echo/')).exception,
    ).toBeUndefined();
  });

  it('skips CSRF checks unless enforceCsrfChecks is set, as Django', async () => {
    expect((await new Client(app).post('/csrf/', { a: '1' })).status).toBe(200);
    expect(
      (await new Client(app, { enforceCsrfChecks: true }).post('/csrf/', { a: '1' })).status,
    ).toBe(403);
  });
});

describe('RequestFactory', () => {
  it('builds requests to call a view alone, with the body ready', async () => {
    const factory = new RequestFactory();
    const get = factory.get('/echo/', { q: 'x' });
    const response = echo(get);
    expect(JSON.parse(response.text())).toMatchObject({ method: 'GET', query: { q: ['x'] } });
    const post = factory.post('/echo/', { a: '1', b: ['2', '3'] });
    expect(post.POST.getList('b')).toEqual(['2', '3']);
    expect(post.getHost()).toBe('testserver');
    const json = factory.patch('/echo/', { ok: true }, { contentType: 'application/json' });
    expect(await json.json()).toEqual({ ok: true });
  });

  it('builds secure requests and passes headers', () => {
    const request = new RequestFactory({ headers: { 'Accept-Language': 'fr' } }).get(
      '/',
      undefined,
      { secure: true, headers: { 'X-Custom': '1' } },
    );
    expect(request.isSecure()).toBe(true);
    expect(request.buildAbsoluteUri('/a/')).toBe('https://testserver/a/');
    expect(request.headers.get('Accept-Language')).toBe('fr');
    expect(request.headers.get('X-Custom')).toBe('1');
  });
});
