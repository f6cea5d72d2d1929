import type { HttpRequest } from '@reins/http';
import { HttpRequest as Request, HttpResponse } from '@reins/http';
import { describe, expect, it } from 'vitest';
import { defineMiddleware } from './define-middleware.js';
import type { AnyResponse, GetResponse } from './middleware.js';

const request = (): HttpRequest => new Request({ url: '/', headers: { host: 'testserver' } });
const ok: GetResponse = () => new HttpResponse('ok');

describe('defineMiddleware', () => {
  it('stays synchronous when the hooks and the inner handler are', () => {
    const trace: string[] = [];
    const handler = defineMiddleware({
      processRequest: () => {
        trace.push('request');
        return null;
      },
      processResponse: (_request, response) => {
        trace.push('response');
        return response;
      },
    })(ok);
    const result = handler(request());
    expect(result).toBeInstanceOf(HttpResponse);
    expect(trace).toEqual(['request', 'response']);
  });

  it('chains onto an async inner handler', async () => {
    const handler = defineMiddleware({
      processResponse: (_request, response) => {
        response.headers.set('X-Seen', 'yes');
        return response;
      },
    })(() => Promise.resolve(new HttpResponse('later')));
    const result = handler(request());
    expect(result).toBeInstanceOf(Promise);
    expect((await result).headers.get('X-Seen')).toBe('yes');
  });

  it('runs its own processResponse on an early response, and skips the rest of the chain (Django)', async () => {
    let innerCalled = false;
    const handler = defineMiddleware({
      processRequest: () => new HttpResponse('early', { status: 418 }),
      processResponse: (_request, response) => {
        response.headers.set('X-Processed', '1');
        return response;
      },
    })(() => {
      innerCalled = true;
      return new HttpResponse('inner');
    });
    const response = (await handler(request())) as HttpResponse;
    expect(innerCalled).toBe(false);
    expect(response.status).toBe(418);
    expect(response.headers.get('X-Processed')).toBe('1');
  });

  it('awaits an async processRequest before deciding', async () => {
    const handler = defineMiddleware({ processRequest: () => Promise.resolve(null) })(ok);
    expect(((await handler(request())) as HttpResponse).text()).toBe('ok');
    const early = defineMiddleware({
      processRequest: () => Promise.resolve(new HttpResponse('early')),
    })(ok);
    expect(((await early(request())) as HttpResponse).text()).toBe('early');
  });

  it('carries the chain hooks on the handler', () => {
    const processView = () => null;
    const processException = () => null;
    const processTemplateResponse = (_request: HttpRequest, response: AnyResponse) => response;
    const handler = defineMiddleware({ processView, processException, processTemplateResponse })(
      ok,
    );
    expect(handler.processView).toBe(processView);
    expect(handler.processException).toBe(processException);
    expect(handler.processTemplateResponse).toBe(processTemplateResponse);
    expect(defineMiddleware({})(ok).processView).toBeUndefined();
  });

  it('reads the project settings at start-up when given a function', () => {
    const seen: unknown[] = [];
    const middleware = defineMiddleware((settings) => {
      seen.push(settings.debug);
      return {};
    });
    middleware(ok, { debug: true });
    middleware(ok);
    expect(seen).toEqual([true, undefined]);
  });

  it('refuses a missing getResponse with a clear message (Django: "get_response must be provided")', () => {
    expect(() => defineMiddleware({})(undefined as unknown as GetResponse)).toThrow(
      /needs the next handler, got undefined/,
    );
  });

  it('lets an error from a hook propagate for the handler to turn into a response', () => {
    const handler = defineMiddleware({
      processRequest: () => {
        throw new Error('boom');
      },
    })(ok);
    expect(() => handler(request())).toThrow('boom');
  });
});
