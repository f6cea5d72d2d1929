/**
 * Nothing about an application is process-wide: two apps in one process, with different URLconfs,
 * templates and loggers, serve interleaved requests and each sees only its own.
 */
import { Http404, HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { render, reverse, TemplateResponse } from '@reins/shortcuts';
import { path } from '@reins/urls';
import { View } from '@reins/views';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { makeRequest, recordingLogger } from './helpers.js';

class OnlyGet extends View {
  override get(): HttpResponse {
    return new HttpResponse('ok');
  }
}

/** An app whose pages say which app they came from, through its URLconf and its templates. */
function makeApp(label: string, prefix: string, requestContext: 'auto' | 'always' = 'auto') {
  const logger = recordingLogger();
  // Resumes only once the test says so, so the two apps' requests overlap across awaits.
  const gates: (() => void)[] = [];
  const paused = async (): Promise<void> => {
    await new Promise<void>((resolve) => gates.push(resolve));
  };
  const app = createApp({
    rootUrlconf: [
      path(`${prefix}/home/`, () => new HttpResponse('home'), { name: 'home' }),
      path(`${prefix}/page/`, async (request: HttpRequest) => {
        await paused();
        return render(request, 'page.html', { label });
      }),
      path(`${prefix}/deferred/`, async (request: HttpRequest) => {
        await paused();
        return new TemplateResponse(request, 'page.html', { label });
      }),
      path(`${prefix}/where/`, async () => {
        await paused();
        return new HttpResponse(reverse('home'));
      }),
      path(`${prefix}/only-get/`, OnlyGet.asView()),
      path(`${prefix}/missing/`, async () => {
        await paused();
        throw new Http404('gone');
      }),
    ],
    templates: [
      {
        backend: 'reins',
        options: {
          templates: {
            'page.html': `${label}:{{ label }}:{% url 'home' %}`,
            '404.html': `${label} 404:{% url 'home' %}`,
          },
        },
      },
    ],
    allowedHosts: ['testserver'],
    logger,
    requestContext,
  });
  return { app, logger, release: () => gates.splice(0).forEach((open) => open()) };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('two applications in one process', () => {
  for (const mode of ['auto', 'always'] as const) {
    it(`serve interleaved requests with their own URLconf and templates (requestContext '${mode}')`, async () => {
      const first = makeApp('A', 'a', mode);
      const second = makeApp('B', 'b', mode);
      const pending = [
        first.app.handle(makeRequest('/a/page/')),
        second.app.handle(makeRequest('/b/page/')),
        first.app.handle(makeRequest('/a/where/')),
        second.app.handle(makeRequest('/b/deferred/')),
        second.app.handle(makeRequest('/b/where/')),
        first.app.handle(makeRequest('/a/deferred/')),
        second.app.handle(makeRequest('/b/missing/')),
        first.app.handle(makeRequest('/a/missing/')),
      ];
      await settle();
      // The later app resumes first: the last createApp() must not win.
      second.release();
      await settle();
      first.release();
      const texts = await Promise.all(
        pending.map(async (answer) => ((await answer) as HttpResponse).text()),
      );
      expect(texts).toEqual([
        'A:A:/a/home/',
        'B:B:/b/home/',
        '/a/home/',
        'B:B:/b/home/',
        '/b/home/',
        'A:A:/a/home/',
        'B 404:/b/home/',
        'A 404:/a/home/',
      ]);
    });
  }

  it("log the views' warnings to their own logger", async () => {
    const first = makeApp('A', 'a');
    const second = makeApp('B', 'b');
    await second.app.handle(makeRequest('/b/only-get/', { method: 'POST' }));
    await first.app.handle(makeRequest('/a/only-get/', { method: 'PUT' }));
    const messages = (records: { message: string }[]): string[] =>
      records.map(({ message }) => message).filter((message) => message.includes('('));
    expect(messages(first.logger.records)).toEqual(['Method Not Allowed (PUT): /a/only-get/']);
    expect(messages(second.logger.records)).toEqual(['Method Not Allowed (POST): /b/only-get/']);
  });

  it('leave no process-wide default behind: reverse() outside a request says how to choose', () => {
    makeApp('A', 'a');
    expect(() => reverse('home')).toThrow(/no URLconf to use.*\{ urlconf: app\.resolver \}/);
    const { app } = makeApp('B', 'b');
    expect(reverse('home', { urlconf: app.resolver })).toBe('/b/home/');
  });

  it('run an async handler404 with its own request current across its awaits', async () => {
    const make = (prefix: string) =>
      createApp({
        rootUrlconf: [path(`${prefix}/home/`, () => new HttpResponse('home'), { name: 'home' })],
        allowedHosts: ['testserver'],
        logger: recordingLogger(),
        handler404: async () => {
          await new Promise<void>((resolve) => setTimeout(resolve, 1));
          return new HttpResponse(`not here, try ${reverse('home')}`, { status: 404 });
        },
      });
    const [a, b] = [make('a'), make('b')];
    const answers = await Promise.all([
      a.handle(makeRequest('/nope/')),
      b.handle(makeRequest('/nope/')),
    ]);
    expect(answers.map((answer) => [answer.status, (answer as HttpResponse).text()])).toEqual([
      [404, 'not here, try /a/home/'],
      [404, 'not here, try /b/home/'],
    ]);
  });
});
