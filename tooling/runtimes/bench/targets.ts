/**
 * The two servers `pnpm bench` compares on Bun, serving the same routes with the same bytes: a
 * page (`/hello/<name>/`, the name escaped into HTML) and JSON (`/api/greetings/<int:n>/`), no
 * middleware. reins renders its page from a template (`{% extends %}` + a block); Hono writes it
 * with a template literal and its own `html` escaping, as a Hono application would. Started by
 * `bench/http.ts` as `bun dist/bench.js` (BENCH_TARGET picks one).
 */
import { JsonResponse, type HttpRequest } from '@reins/http';
import { createApp, silentLogger } from '@reins/server';
import { render } from '@reins/shortcuts';
import { LocmemLoader } from '@reins/templates';
import { path } from '@reins/urls';
import { Hono } from 'hono';
import { html } from 'hono/html';

declare const Bun: {
  serve(options: {
    hostname: string;
    port: number;
    fetch: (request: Request) => Response | Promise<Response>;
  }): { port: number };
};
declare const process: { env: Record<string, string | undefined> };

const names = ['ada', 'grace', 'linus'];

function reinsFetch(): (request: Request) => Promise<Response> {
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

function honoFetch(): (request: Request) => Response | Promise<Response> {
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

const fetch = process.env['BENCH_TARGET'] === 'hono' ? honoFetch() : reinsFetch();
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch });
console.log(`listening on http://127.0.0.1:${server.port}/`);
