/**
 * Django's middleware order, observed with MIDDLEWARE = [A, Unused, B, C] (see
 * django-semantics.md §2.2): factories run bottom-up once; requests pass top-down; processView
 * top-down; processException and processTemplateResponse bottom-up; every layer turns an
 * exception into a response. Run with every layer sync, every layer async, and mixed.
 */
import { HttpResponse } from '@reins/http';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import type { Middleware, MiddlewareHandler } from '@reins/middleware';
import { MiddlewareNotUsed } from '@reins/middleware';
import { path } from '@reins/urls';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { makeRequest, recordingLogger, text } from './helpers.js';

/** A deferred-rendering response, recognised (as Django does) by its `render` method. */
class DeferredResponse extends HttpResponse {
  isRendered = false;
  constructor(private readonly trace: string[]) {
    super('');
  }
  render(): Promise<this> {
    this.trace.push('(render)');
    this.content = 'rendered';
    this.isRendered = true;
    return Promise.resolve(this);
  }
}

type Mode = 'sync' | 'async';

function tracer(
  name: string,
  trace: string[],
  mode: Mode,
  options: { handleException?: boolean } = {},
): Middleware {
  const wrap = <T>(value: T): T | Promise<T> => (mode === 'async' ? Promise.resolve(value) : value);
  const factory: Middleware = (getResponse) => {
    trace.push(`init ${name}`);
    const handler: MiddlewareHandler = (request) => {
      trace.push(`${name} before`);
      const after = (response: HttpResponseBase): HttpResponseBase => {
        trace.push(`${name} after ${response.status}`);
        return response;
      };
      if (mode === 'async') {
        return (async () => after(await getResponse(request)))();
      }
      const response = getResponse(request);
      return response instanceof Promise ? response.then(after) : after(response);
    };
    handler.processView = () => {
      trace.push(`${name}.processView`);
      return wrap(null);
    };
    handler.processException = () => {
      trace.push(`${name}.processException`);
      return wrap(
        options.handleException === true ? new HttpResponse('handled', { status: 299 }) : null,
      );
    };
    handler.processTemplateResponse = (_request, response) => {
      trace.push(`${name}.processTemplateResponse`);
      return wrap(response);
    };
    return handler;
  };
  Object.defineProperty(factory, 'name', { value: name });
  return factory;
}

function build(modes: [Mode, Mode, Mode], trace: string[]) {
  const unused: Middleware = () => {
    trace.push('init Unused');
    throw new MiddlewareNotUsed('not today');
  };
  const views = {
    ok: (_request: HttpRequest) => {
      trace.push('(view)');
      return modes[2] === 'async'
        ? Promise.resolve(new HttpResponse('ok'))
        : new HttpResponse('ok');
    },
    boom: () => {
      trace.push('(view)');
      throw new Error('boom');
    },
    tr: () => {
      trace.push('(view)');
      return new DeferredResponse(trace);
    },
    none: () => {
      trace.push('(view)');
      return undefined as unknown as HttpResponse;
    },
  };
  const logger = recordingLogger();
  const app = createApp({
    rootUrlconf: [
      path('ok/', views.ok),
      path('boom/', views.boom),
      path('tr/', views.tr),
      path('none/', views.none),
    ],
    allowedHosts: ['testserver'],
    logger,
    middleware: [
      tracer('A', trace, modes[0]),
      unused,
      tracer('B', trace, modes[1], { handleException: true }),
      tracer('C', trace, modes[2]),
    ],
  });
  return { app, logger };
}

const MODES: [string, [Mode, Mode, Mode]][] = [
  ['all sync', ['sync', 'sync', 'sync']],
  ['all async', ['async', 'async', 'async']],
  ['mixed (A async, B sync, C async)', ['async', 'sync', 'async']],
  ['mixed (A sync, B async, C sync)', ['sync', 'async', 'sync']],
];

describe.each(MODES)('middleware order, %s', (_label, modes) => {
  it('runs the factories once, bottom-up, at start-up — the unused one too', async () => {
    const trace: string[] = [];
    const { app } = build(modes, trace);
    expect(trace).toEqual(['init C', 'init B', 'init Unused', 'init A']);
    await app.handle(makeRequest('/ok/'));
    await app.handle(makeRequest('/ok/'));
    expect(trace.filter((entry) => entry.startsWith('init'))).toHaveLength(4);
  });

  it.each([
    [
      '/ok/',
      200,
      [
        'A before',
        'B before',
        'C before',
        'A.processView',
        'B.processView',
        'C.processView',
        '(view)',
        'C after 200',
        'B after 200',
        'A after 200',
      ],
    ],
    [
      '/boom/',
      299,
      [
        'A before',
        'B before',
        'C before',
        'A.processView',
        'B.processView',
        'C.processView',
        '(view)',
        'C.processException',
        'B.processException',
        'C after 299',
        'B after 299',
        'A after 299',
      ],
    ],
    [
      '/tr/',
      200,
      [
        'A before',
        'B before',
        'C before',
        'A.processView',
        'B.processView',
        'C.processView',
        '(view)',
        'C.processTemplateResponse',
        'B.processTemplateResponse',
        'A.processTemplateResponse',
        '(render)',
        'C after 200',
        'B after 200',
        'A after 200',
      ],
    ],
    [
      '/none/',
      500,
      [
        'A before',
        'B before',
        'C before',
        'A.processView',
        'B.processView',
        'C.processView',
        '(view)',
        'C after 500',
        'B after 500',
        'A after 500',
      ],
    ],
    [
      '/missing/',
      404,
      ['A before', 'B before', 'C before', 'C after 404', 'B after 404', 'A after 404'],
    ],
  ])('%s gives %i in Django’s order', async (url, status, expected) => {
    const trace: string[] = [];
    const { app } = build(modes, trace);
    trace.length = 0;
    const response = await app.handle(makeRequest(url));
    expect(response.status).toBe(status);
    expect(trace).toEqual(expected);
  });

  it("explains a view that returned nothing, as Django's 500", async () => {
    const trace: string[] = [];
    const { app, logger } = build(modes, trace);
    await app.handle(makeRequest('/none/'));
    const record = logger.records.find(
      (entry) => entry.message === 'Internal Server Error: /none/',
    );
    expect(String((record?.error as Error).message)).toBe(
      "The view none didn't return an HttpResponse object. It returned undefined instead. Did you forget a return statement?",
    );
  });
});

describe('every layer converts exceptions', () => {
  it('turns an error thrown by a middleware into a response the outer layers see', async () => {
    const seen: number[] = [];
    const outer: Middleware = (getResponse) => async (request) => {
      const response = await getResponse(request);
      seen.push(response.status);
      return response;
    };
    const failing: Middleware = () => () => {
      throw new Error('middleware broke');
    };
    const app = createApp({
      rootUrlconf: [path('', () => new HttpResponse('x'))],
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      middleware: [outer, failing],
    });
    const response = await app.handle(makeRequest('/'));
    expect(response.status).toBe(500);
    expect(seen).toEqual([500]);
  });

  it('short-circuits the view when a processView returns a response', async () => {
    let called = false;
    const guard: Middleware = (getResponse) => {
      const handler: MiddlewareHandler = (request) => getResponse(request);
      handler.processView = (_request, _view, params) =>
        new HttpResponse(`guarded ${JSON.stringify(params)}`, { status: 418 });
      return handler;
    };
    const app = createApp({
      rootUrlconf: [
        path('item/<int:pk>/', () => {
          called = true;
          return new HttpResponse('view');
        }),
      ],
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      middleware: [guard],
    });
    const response = await app.handle(makeRequest('/item/7/'));
    expect(response.status).toBe(418);
    expect(text(response)).toBe('guarded {"pk":7}');
    expect(called).toBe(false);
  });

  it('rejects a factory that returns nothing, at start-up, naming it', () => {
    const broken = (() => undefined) as unknown as Middleware;
    expect(() =>
      createApp({ rootUrlconf: [], middleware: [broken], logger: recordingLogger() }),
    ).toThrow(/Middleware factory broken returned undefined/);
  });

  it('passes the project settings to each factory', () => {
    let seen: unknown;
    const probe: Middleware = (getResponse, settings) => {
      seen = settings;
      return (request) => getResponse(request);
    };
    createApp({
      rootUrlconf: [],
      middleware: [probe],
      debug: true,
      appendSlash: false,
      logger: recordingLogger(),
    });
    expect(seen).toMatchObject({ debug: true, appendSlash: false, prependWww: false });
  });
});

describe('TemplateResponse through the handler', () => {
  it('renders after processTemplateResponse hooks, which may change the context', async () => {
    const { TemplateResponse } = await import('@reins/shortcuts');
    const { Engine } = await import('@reins/templates');
    const addUser: Middleware = (getResponse) => {
      const handler: MiddlewareHandler = (request) => getResponse(request);
      handler.processTemplateResponse = (_request, response) => {
        (response as InstanceType<typeof TemplateResponse>).contextData!['user'] = 'ada';
        return response;
      };
      return handler;
    };
    const app = createApp({
      rootUrlconf: [
        path(
          '',
          (request: HttpRequest) => new TemplateResponse(request, 'hi.html', { greeting: 'Hello' }),
        ),
      ],
      templates: new Engine({ templates: { 'hi.html': '{{ greeting }}, {{ user }}!' } }),
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      middleware: [addUser],
    });
    const response = await app.handle(makeRequest('/'));
    expect(response.status).toBe(200);
    expect(text(response)).toBe('Hello, ada!');
  });

  it('sends a template rendering error through processException', async () => {
    const { TemplateResponse } = await import('@reins/shortcuts');
    const { Engine } = await import('@reins/templates');
    const seen: unknown[] = [];
    const catcher: Middleware = (getResponse) => {
      const handler: MiddlewareHandler = (request) => getResponse(request);
      handler.processException = (_request, error) => {
        seen.push(error);
        return new HttpResponse('caught', { status: 299 });
      };
      return handler;
    };
    const app = createApp({
      rootUrlconf: [
        path('', (request: HttpRequest) => new TemplateResponse(request, 'missing.html', {})),
      ],
      templates: new Engine({ templates: {} }),
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      middleware: [catcher],
    });
    const response = await app.handle(makeRequest('/'));
    expect(response.status).toBe(299);
    expect((seen[0] as Error).name).toBe('TemplateDoesNotExist');
  });
});

describe('MiddlewareNotUsed', () => {
  it('drops the layer and, in debug, logs why at debug level', () => {
    const logger = recordingLogger();
    const optional: Middleware = () => {
      throw new MiddlewareNotUsed('no cache configured');
    };
    Object.defineProperty(optional, 'name', { value: 'cacheMiddleware' });
    const quiet: Middleware = () => {
      throw new MiddlewareNotUsed();
    };
    Object.defineProperty(quiet, 'name', { value: 'quietMiddleware' });
    createApp({ rootUrlconf: [], debug: true, logger, middleware: [optional, quiet] });
    expect(logger.records.map((record) => [record.level, record.message])).toEqual([
      ['debug', "MiddlewareNotUsed: 'quietMiddleware'"],
      ['debug', "MiddlewareNotUsed('cacheMiddleware'): no cache configured"],
    ]);
    const silent = recordingLogger();
    createApp({ rootUrlconf: [], logger: silent, middleware: [optional] });
    expect(silent.records).toEqual([]);
  });
});

describe('a middleware that returns nothing', () => {
  it('becomes a logged 500 instead of a crash', async () => {
    const logger = recordingLogger();
    const broken: Middleware = () => () => undefined as unknown as HttpResponse;
    const app = createApp({
      rootUrlconf: [path('', () => new HttpResponse('x'))],
      allowedHosts: ['testserver'],
      logger,
      middleware: [broken],
    });
    const response = await app.handle(makeRequest('/'));
    expect(response.status).toBe(500);
    expect((logger.records[0]?.error as Error).message).toMatch(
      /A middleware returned undefined instead of an HttpResponse object/,
    );
  });
});
