/**
 * The two applications the Bun benchmarks compare, serving the same routes with the same bytes: a
 * page (`/hello/<name>/`, the name escaped into HTML) and JSON (`/api/greetings/<int:n>/`), no
 * middleware. reins renders its page from a template (`{% extends %}` + a block); Hono writes it
 * with a template literal and its own `html` escaping, as a Hono application would.
 */
import { JsonResponse, type HttpRequest } from '@reins/http';
import { createApp, silentLogger } from '@reins/server';
import { render } from '@reins/shortcuts';
import { LocmemLoader } from '@reins/templates';
import { path } from '@reins/urls';
import { Hono } from 'hono';
import { html } from 'hono/html';

const names = ['ada', 'grace', 'linus'];

/** A Fetch handler. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** The reins application's `fetch`. */
export function reinsFetch(): FetchHandler {
  const templates = {
    'base.html':
      '<!doctype html><title>{% block title %}{% endblock %}</title>{% block content %}{% endblock %}',
    'hello.html':
      '{% extends "base.html" %}{% block title %}Hello {{ name }}{% endblock %}{% block content %}<h1>Hello, {{ name }}!</h1>{% endblock %}',
  };
  const app = createApp({
    rootUrlconf: [
      path('hello/<str:name>/', (request: HttpRequest, { name }: { name: string }) =>
        render(request, 'hello.html', { name }),
      ),
      path(
        'api/greetings/<int:n>/',
        (_request: HttpRequest, { n }: { n: number }) =>
          new JsonResponse({ n, name: names[n % names.length] }),
      ),
    ],
    templates: [{ backend: 'reins', options: { loaders: [new LocmemLoader(templates)] } }],
    allowedHosts: ['127.0.0.1'],
    logger: silentLogger,
  });
  return (request) => app.fetch(request);
}

/** The Hono application's `fetch`. */
export function honoFetch(): FetchHandler {
  const app = new Hono();
  app.get('/hello/:name/', (c) => {
    const name = c.req.param('name');
    // Prettier would reflow the HTML inside the template, changing the bytes served.
    // prettier-ignore
    const page = html`<!doctype html><title>Hello ${name}</title><h1>Hello, ${name}!</h1>`;
    return c.html(page);
  });
  app.get('/api/greetings/:n{[0-9]+}/', (c) => {
    const n = Number(c.req.param('n'));
    return c.json({ n, name: names[n % names.length] });
  });
  return app.fetch;
}
