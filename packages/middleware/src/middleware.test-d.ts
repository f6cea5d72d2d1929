import type { HttpRequest } from '@reins/http';
import { HttpResponse, StreamingHttpResponse } from '@reins/http';
import { describe, expectTypeOf, it } from 'vitest';
import { CommonMiddleware, commonMiddleware, csrfExempt, defineMiddleware } from './index.js';
import type { AnyResponse, AnyView, GetResponse, Middleware, MiddlewareHandler } from './index.js';

describe('contract types', () => {
  it('accepts sync and async middleware, with or without hooks', () => {
    const sync: Middleware = (getResponse) => (request) => getResponse(request);
    const async: Middleware = (getResponse) => async (request) => await getResponse(request);
    const withHooks: Middleware = (getResponse) => {
      const handler: MiddlewareHandler = (request) => getResponse(request);
      handler.processView = () => null;
      handler.processException = () => Promise.resolve(new HttpResponse('handled'));
      handler.processTemplateResponse = (_request, response) => response;
      return handler;
    };
    expectTypeOf([sync, async, withHooks]).toEqualTypeOf<Middleware[]>();
  });

  it('lets a view return a streaming response', () => {
    const getResponse: GetResponse = () => new StreamingHttpResponse(['a']);
    expectTypeOf(getResponse).returns.toEqualTypeOf<AnyResponse | Promise<AnyResponse>>();
  });

  it('processTemplateResponse must return a response', () => {
    const returnsNothing = (): undefined => undefined;
    // @ts-expect-error: Django requires a response from process_template_response
    const hook: MiddlewareHandler['processTemplateResponse'] = returnsNothing;
    expectTypeOf(hook).not.toBeAny();
  });

  it('built-ins are middleware, configurable ones too', () => {
    expectTypeOf(CommonMiddleware).toExtend<Middleware>();
    expectTypeOf(CommonMiddleware.with({ appendSlash: false })).toEqualTypeOf<Middleware>();
    expectTypeOf(commonMiddleware()).toEqualTypeOf<Middleware>();
    expectTypeOf(defineMiddleware({})).toEqualTypeOf<Middleware>();
    // @ts-expect-error: unknown option
    commonMiddleware({ appendSlahs: true });
  });

  it('view decorators keep the view type and accept typed params', () => {
    const view = (_request: HttpRequest, params: { pk: number }) =>
      new HttpResponse(String(params.pk));
    expectTypeOf(csrfExempt(view)).toEqualTypeOf(view);
    expectTypeOf(view).toExtend<AnyView>();
  });
});
