import { afterEach, describe, expect, it } from 'vitest';
import { HttpRequest, HttpResponse } from '@reins/http';
import { requireGet } from './require-http-methods.js';
import { TemplateView } from './template-view.js';
import { View } from './view.js';

const request = (method = 'GET', url = '/x/'): HttpRequest => new HttpRequest({ method, url });
const records: unknown[] = [];
// The application serving a request lends it its logger (what @reins/server's handler sets).
const servedByApp = (served: HttpRequest): HttpRequest => {
  served.app = { templates: null, logger: { log: (record) => records.push(record) } };
  return served;
};
afterEach(() => {
  records.length = 0;
});

class Greeting extends View<{ name: string }> {
  greeting = 'Hello';
  calls = 0;
  override get(_request: HttpRequest, { name }: { name: string }): HttpResponse {
    this.calls++;
    return new HttpResponse(`${this.greeting}, ${name}! (${this.calls})`);
  }
}

describe('View.asView', () => {
  it('makes a fresh instance per request, with the options set on it', async () => {
    const view = Greeting.asView({ greeting: 'Hi' });
    expect((await view(request(), { name: 'Ann' })).text()).toBe('Hi, Ann! (1)');
    expect((await view(request(), { name: 'Bob' })).text()).toBe('Hi, Bob! (1)');
  });

  it('carries its class and options, and the class name', () => {
    const view = Greeting.asView({ greeting: 'Hi' });
    expect(view.viewClass).toBe(Greeting);
    expect(view.viewInitkwargs).toEqual({ greeting: 'Hi' });
    expect(Object.isFrozen(view.viewInitkwargs)).toBe(true);
    expect(view.name).toBe('Greeting');
  });

  it('refuses unknown options and method names at asView() time', () => {
    expect(() => Greeting.asView({ greting: 'x' } as never)).toThrow(
      "Greeting() received an invalid keyword 'greting'. asView only accepts arguments that are already attributes of the class.",
    );
    expect(() => Greeting.asView({ get: () => null } as never)).toThrow(
      /The method name get is not accepted/,
    );
    expect(() => Greeting.asView({ request: null } as never)).toThrow(/invalid keyword 'request'/);
  });

  it('copies markers put on dispatch (as Django’s update_wrapper does)', () => {
    class Exempt extends View {}
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the method object itself gets properties
    Object.assign(Exempt.prototype.dispatch, {});
    const marked = class extends View {
      override dispatch(...args: Parameters<View['dispatch']>) {
        return super.dispatch(...args);
      }
    };
    (marked.prototype.dispatch as unknown as Record<string, unknown>)['csrfExempt'] = true;
    expect((marked.asView() as unknown as Record<string, unknown>)['csrfExempt']).toBe(true);
    expect((Exempt.asView() as unknown as Record<string, unknown>)['csrfExempt']).toBeUndefined();
  });

  it('answers HEAD with get(), OPTIONS with Allow, others with 405 in Django’s order', async () => {
    const view = Greeting.asView();
    expect((await view(request('HEAD'), { name: 'H' })).text()).toBe('Hello, H! (1)');
    const options = await view(request('OPTIONS'), { name: 'x' });
    expect([
      options.status,
      options.headers.get('Allow'),
      options.headers.get('Content-Length'),
      options.text(),
    ]).toEqual([200, 'GET, HEAD, OPTIONS', '0', '']);
    const post = await view(request('POST'), { name: 'x' });
    expect([post.status, post.headers.get('Allow')]).toEqual([405, 'GET, HEAD, OPTIONS']);
  });

  it("logs 405s to the serving application's logger as Django logs them", async () => {
    await Greeting.asView()(servedByApp(request('DELETE', '/greet/ann/')), { name: 'x' });
    requireGet((_request: HttpRequest) => new HttpResponse(''))(
      servedByApp(request('PUT', '/plain/')),
    );
    expect(records).toEqual([
      expect.objectContaining({
        level: 'warning',
        logger: 'reins.request',
        message: 'Method Not Allowed (DELETE): /greet/ann/',
        status: 405,
      }),
      expect.objectContaining({ message: 'Method Not Allowed (PUT): /plain/', status: 405 }),
    ]);
  });

  it('supports async handlers and keeps sync ones sync', async () => {
    class Later extends View {
      override async get(): Promise<HttpResponse> {
        await new Promise<void>((resolve) => {
          setTimeout(resolve, 0);
        });
        return new HttpResponse('later');
      }
    }
    expect((await Later.asView()(request(), {})).text()).toBe('later');
    const sync = Greeting.asView()(request(), { name: 's' });
    expect(sync).toBeInstanceOf(HttpResponse);
  });

  it('lets setup() and dispatch() be extended', async () => {
    class Guarded extends View<{ id: number }> {
      seen: number | null = null;
      override setup(request: HttpRequest, params: { id: number }): void {
        super.setup(request, params);
        this.seen = params.id * 2;
      }
      override dispatch(request: HttpRequest, params: { id: number }) {
        if (params.id < 0) return new HttpResponse('negative', { status: 400 });
        return super.dispatch(request, params);
      }
      override get(): HttpResponse {
        return new HttpResponse(String(this.seen) + String(this.kwargs.id));
      }
    }
    expect((await Guarded.asView()(request(), { id: 4 })).text()).toBe('84');
    expect((await Guarded.asView()(request(), { id: -1 })).status).toBe(400);
  });

  it('passes positional captures as args', async () => {
    class Positional extends View<Record<string, never>> {
      override get(
        _request: HttpRequest,
        _params: Record<string, never>,
        ...args: string[]
      ): HttpResponse {
        return new HttpResponse(`${args.join('|')} ${this.args.length}`);
      }
    }
    expect((await Positional.asView()(request(), {}, '2024', '05')).text()).toBe('2024|05 2');
  });

  it('TemplateView accepts its own attributes', () => {
    expect(() =>
      TemplateView.asView({ templateName: 'a.html', extraContext: { a: 1 } }),
    ).not.toThrow();
    expect(() => View.asView({ templateName: 'a.html' } as never)).toThrow(
      /invalid keyword 'templateName'/,
    );
  });
});
