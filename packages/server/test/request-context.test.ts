/**
 * The request-scoped context: `reverse()` from @reins/shortcuts and `{% url %}` work in any view,
 * middleware or template without being handed the resolver, and an include's namespace is the
 * current app; `app.fetch()` serves Fetch requests the same way.
 */
import { HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import type { Middleware } from '@reins/middleware';
import { render, reverse } from '@reins/shortcuts';
import type { UrlReverser } from '@reins/shortcuts';
import { include, path } from '@reins/urls';
import type { View } from '@reins/urls';
import { describe, expect, it } from 'vitest';
import { createApp, markAsync } from '../src/index.js';
import { Client } from '../src/testing/index.js';
import { recordingLogger } from './helpers.js';

function makeApp() {
  const stamp: Middleware = (getResponse) => async (request) => {
    const response = await getResponse(request);
    response.headers.set('X-Home', reverse('home'));
    return response;
  };
  const pollPatterns = {
    urlpatterns: [
      path('', (request: HttpRequest) => render(request, 'polls/index.html', {}), {
        name: 'index',
      }),
      path(
        '<int:pk>/',
        (_request, params: { pk: number }) =>
          new HttpResponse(reverse('polls:detail', { kwargs: { pk: params.pk + 1 } })),
        { name: 'detail' },
      ),
    ],
    appName: 'polls',
  };
  return createApp({
    rootUrlconf: [
      path('', () => new HttpResponse('home'), { name: 'home' }),
      path('where/', () => new HttpResponse(reverse('home')), { name: 'where' }),
      path('polls/', include(pollPatterns, { namespace: 'polls' })),
      path('other-polls/', include(pollPatterns, { namespace: 'other' })),
    ],
    templates: [
      {
        backend: 'reins',
        options: {
          templates: {
            'polls/index.html': "{% url 'home' %}|{% url 'polls:detail' 7 %}|{{ csrf_token }}",
          },
        },
      },
    ],
    allowedHosts: ['testserver', 'example.com'],
    logger: recordingLogger(),
    middleware: [stamp],
  });
}

describe('request-scoped reverse()', () => {
  it('works in a view and in middleware', async () => {
    const response = await new Client(makeApp()).get('/where/');
    expect(response.text()).toBe('/');
    expect(response.headers.get('X-Home')).toBe('/');
  });

  it('uses the namespace the request came through as the current app', async () => {
    const client = new Client(makeApp());
    expect((await client.get('/polls/1/')).text()).toBe('/polls/2/');
    expect((await client.get('/other-polls/1/')).text()).toBe('/other-polls/2/');
  });

  it('works in templates through {% url %}, with csrf_token in the context', async () => {
    const client = new Client(makeApp());
    const [home, detail, token] = (await client.get('/other-polls/')).text().split('|');
    expect(home).toBe('/');
    expect(detail).toBe('/other-polls/7/');
    expect(token).toMatch(/^[A-Za-z0-9]{64}$/);
  });
});

describe('app.fetch', () => {
  it('serves a Fetch Request and returns a Fetch Response', async () => {
    const response = await makeApp().fetch(new Request('http://example.com/where/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('/');
    expect(response.headers.get('x-home')).toBe('/');
  });

  it('refuses a host that is not allowed', async () => {
    const response = await makeApp().fetch(new Request('http://evil.test/'));
    expect(response.status).toBe(400);
  });
});

describe('requestContext: false', () => {
  it('with requestContext false, reverse() takes the resolver from the request: no process-wide default', async () => {
    const { getCurrentRequest } = await import('@reins/http');
    let seen: unknown = 'unset';
    let withoutUrlconf: unknown = 'unset';
    const app = createApp({
      rootUrlconf: [
        path('', () => new HttpResponse('home'), { name: 'home' }),
        path('where/', (request: HttpRequest) => {
          seen = getCurrentRequest();
          try {
            reverse('home');
          } catch (error) {
            withoutUrlconf = (error as Error).message;
          }
          return new HttpResponse(reverse('home', { urlconf: request.urlconf as UrlReverser }));
        }),
      ],
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      requestContext: false,
    });
    const response = await new Client(app).get('/where/');
    expect(response.text()).toBe('/');
    expect(seen).toBeUndefined();
    expect(withoutUrlconf).toMatch(/no URLconf to use.*pass \{ urlconf: app\.resolver \}/);
  });
});

describe("requestContext 'auto' (the default): the right app's resolver across awaits", () => {
  const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

  /** Two apps in one process, so the process-wide default URLconf (the last app's) is wrong for `first`. */
  function twoApps(views: Record<string, View>, requestContext?: 'always') {
    const build = (prefix: string) =>
      createApp({
        rootUrlconf: [
          path(`${prefix}/`, () => new HttpResponse(prefix), { name: 'home' }),
          ...Object.entries(views).map(([route, view]) => path(route, view)),
        ],
        templates: [
          { backend: 'reins', options: { templates: { 'home.html': "{% url 'home' %}" } } },
        ],
        allowedHosts: ['testserver'],
        logger: recordingLogger(),
        ...(requestContext === undefined ? {} : { requestContext }),
      });
    const first = build('first');
    build('second');
    return new Client(first);
  }

  it('in a sync view, and in an async view after awaits', async () => {
    const client = twoApps({
      'sync/': () => new HttpResponse(reverse('home')),
      'async/': async () => {
        await tick();
        await Promise.resolve();
        return new HttpResponse(reverse('home'));
      },
    });
    expect((await client.get('/sync/')).text()).toBe('/first/');
    const answers = await Promise.all([client.get('/async/'), client.get('/async/')]);
    expect(answers.map((response) => response.text())).toEqual(['/first/', '/first/']);
  });

  it('for each view as it needs, when sync, async and promise-returning views take turns', async () => {
    const { getCurrentRequest } = await import('@reins/http');
    const client = twoApps({
      'sync/': () => new HttpResponse(reverse('home')),
      'async/': async () => {
        await tick();
        return new HttpResponse(reverse('home'));
      },
      'plain/': () => tick().then(() => new HttpResponse(String(getCurrentRequest()?.path))),
    });
    const answers: string[] = [];
    for (const route of ['/sync/', '/async/', '/async/', '/plain/', '/async/', '/sync/']) {
      answers.push((await client.get(route)).text());
    }
    // The promise-returning view is not carried across its awaits, even right after an async one.
    expect(answers).toEqual(['/first/', '/first/', '/first/', 'undefined', '/first/', '/first/']);
  });

  it('in a class-based view with an async handler, and in a markAsync() view', async () => {
    const { View } = await import('@reins/views');
    class Later extends View {
      override async get(): Promise<HttpResponse> {
        await tick();
        return new HttpResponse(reverse('home'));
      }
    }
    const client = twoApps({
      'class/': Later.asView() as never,
      'marked/': markAsync(() => tick().then(() => new HttpResponse(reverse('home')))),
    });
    expect((await client.get('/class/')).text()).toBe('/first/');
    expect((await client.get('/marked/')).text()).toBe('/first/');
  });

  it('in async middleware after it awaits the response, and in a TemplateResponse', async () => {
    const { TemplateResponse } = await import('@reins/shortcuts');
    const stamp: Middleware = (getResponse) => async (request) => {
      const response = await getResponse(request);
      await tick();
      response.headers.set('X-Home', reverse('home'));
      return response;
    };
    const app = createApp({
      rootUrlconf: [
        path('first/', (request: HttpRequest) => new TemplateResponse(request, 'home.html'), {
          name: 'home',
        }),
      ],
      templates: [
        { backend: 'reins', options: { templates: { 'home.html': "{% url 'home' %}" } } },
      ],
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      middleware: [stamp],
    });
    createApp({
      rootUrlconf: [path('second/', () => new HttpResponse(''), { name: 'home' })],
      logger: recordingLogger(),
    });
    const response = await new Client(app).get('/first/');
    expect(response.text()).toBe('/first/');
    expect(response.headers.get('X-Home')).toBe('/first/');
  });

  it("leaves a promise-returning view that is not async or marked without the request after it awaits ('always' covers it)", async () => {
    const { getCurrentRequest } = await import('@reins/http');
    const view = () => tick().then(() => new HttpResponse(String(getCurrentRequest()?.path)));
    expect((await twoApps({ 'plain/': view }).get('/plain/')).text()).toBe('undefined');
    expect((await twoApps({ 'plain/': view }, 'always').get('/plain/')).text()).toBe('/plain/');
  });
});

describe('markAsync', () => {
  it('returns the function it marks and refuses anything else', () => {
    const view = (): Promise<HttpResponse> => Promise.resolve(new HttpResponse('ok'));
    expect(markAsync(view)).toBe(view);
    expect(() => markAsync('view' as never)).toThrow('markAsync() takes a function, got string.');
  });
});
