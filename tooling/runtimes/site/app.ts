/**
 * A small reins site with nothing Node-only in it: routes with an include and converters,
 * templates (bundled in memory, as a Worker has no file system), a JSON view, Django's security,
 * common and X-Frame-Options middleware and one of its own. Each runtime's entry serves it with
 * `app.fetch()`.
 */
import { Http404, JsonResponse, type HttpRequest } from '@reins/http';
import {
  commonMiddleware,
  defineMiddleware,
  securityMiddleware,
  xFrameOptionsMiddleware,
} from '@reins/middleware';
import { createApp, type App } from '@reins/server';
import { render } from '@reins/shortcuts';
import { LocmemLoader, type Engine, type Templates } from '@reins/templates';
import { include, path } from '@reins/urls';

const templates = {
  'base.html':
    '<!doctype html><title>{% block title %}reins{% endblock %}</title><main>{% block content %}{% endblock %}</main>',
  'home.html':
    '{% extends "base.html" %}{% block content %}<h1>Home on {{ runtime }}</h1><ul>{% for name in names %}<li><a href="{% url "greetings:hello" name %}">{{ name|title }}</a></li>{% endfor %}</ul>{% endblock %}',
  'hello.html':
    '{% extends "base.html" %}{% block title %}Hello {{ name }}{% endblock %}{% block content %}<h1>Hello, {{ name|capfirst }}!</h1><p>{{ note }}</p>{% endblock %}',
};

const names = ['ada', 'grace', 'linus'];

function home(request: HttpRequest): Promise<unknown> {
  return render(request, 'home.html', { runtime: runtimeName(), names });
}

function hello(request: HttpRequest, { name }: { name: string }): Promise<unknown> {
  return render(request, 'hello.html', { name, note: '<b>escaped</b>' });
}

function greetingJson(_request: HttpRequest, { n }: { n: number }): JsonResponse {
  if (n >= names.length) throw new Http404(`No greeting ${n}`);
  return new JsonResponse({ n, name: names[n], runtime: runtimeName() });
}

async function echo(request: HttpRequest): Promise<JsonResponse> {
  // An async view: the body is read and parsed as JSON, as a fetch handler receives it.
  await Promise.resolve();
  const body = JSON.parse(new TextDecoder().decode(request.body)) as unknown;
  return new JsonResponse({ method: request.method, body });
}

const greetings = [path('<str:name>/', hello, { name: 'hello' })];
const api = [
  path('greetings/<int:n>/', greetingJson, { name: 'greeting' }),
  path('echo/', echo, { name: 'echo' }),
];

const urlpatterns = [
  path('', home, { name: 'home' }),
  path('hello/', include({ urlpatterns: greetings, appName: 'greetings' })),
  path('api/', include({ urlpatterns: api, appName: 'api' })),
];

/** Names the runtime serving the request, from the globals each one defines. */
function runtimeName(): string {
  const g = globalThis as Record<string, unknown>;
  if (g['Bun'] !== undefined) return 'bun';
  if (g['Deno'] !== undefined) return 'deno';
  if (typeof g['navigator'] === 'object' && g['navigator'] !== null) {
    const agent = (g['navigator'] as { userAgent?: string }).userAgent ?? '';
    if (agent.includes('Cloudflare-Workers')) return 'workerd';
  }
  return 'node';
}

const servedBy = defineMiddleware({
  processResponse(_request, response) {
    response.headers.set('X-Served-By', `reins on ${runtimeName()}`);
    return response;
  },
});

/** The site's application. */
export const app: App = createApp({
  rootUrlconf: urlpatterns,
  middleware: [securityMiddleware(), commonMiddleware(), xFrameOptionsMiddleware(), servedBy],
  templates: [{ backend: 'reins', options: { loaders: [new LocmemLoader(templates)] } }],
  allowedHosts: ['127.0.0.1', 'localhost'],
  debug: false,
  secretKey: 'runtimes-test-site-not-secret',
});

/**
 * Compile every template now, in its sync and async forms and with the parents it extends, by
 * rendering it once with an empty context. workerd allows code generation (`new Function`, which
 * the template compiler uses) only while a worker's modules initialize, never while it handles a
 * request; the engine caches what is compiled here for the requests. On Bun, Deno and Node this
 * only moves the work to start-up.
 */
async function precompileTemplates(): Promise<void> {
  const engines = (app.templates as Templates | null)?.engines;
  const backend = engines?.get('reins') as { engine?: Engine } | undefined;
  if (backend?.engine === undefined) throw new Error('The site expects a reins template engine.');
  for (const name of Object.keys(templates)) {
    const template = backend.engine.getTemplate(name);
    template.render({});
    await template.renderAsync({});
  }
}
await precompileTemplates();
