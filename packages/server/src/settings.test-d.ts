import type { HttpRequest, HttpResponseBase } from '@reins/http';
import { HttpResponse } from '@reins/http';
import { path } from '@reins/urls';
import { describe, expectTypeOf, it } from 'vitest';
import { createApp } from './create-app.js';
import type { App } from './create-app.js';
import type { ErrorHandler, ServerErrorHandler, Settings } from './settings.js';

describe('Settings', () => {
  it('requires rootUrlconf', () => {
    // @ts-expect-error rootUrlconf is required
    const settings: Settings = { debug: true };
    void settings;
  });

  it('types the error handlers as Django calls them', () => {
    expectTypeOf<ErrorHandler>().parameters.toEqualTypeOf<[HttpRequest, unknown]>();
    expectTypeOf<ServerErrorHandler>().parameters.toEqualTypeOf<[HttpRequest]>();
    expectTypeOf<ReturnType<ErrorHandler>>().toEqualTypeOf<
      HttpResponseBase | Promise<HttpResponseBase>
    >();
  });

  it('accepts typed URL patterns and async handlers', () => {
    const app = createApp({
      rootUrlconf: [
        path(
          'articles/<int:year>/',
          (_request, params: { year: number }) => new HttpResponse(String(params.year)),
          { name: 'year' },
        ),
      ],
      handler404: () => Promise.resolve(new HttpResponse('gone', { status: 404 })),
    });
    expectTypeOf(app).toEqualTypeOf<App>();
    // eslint-disable-next-line @typescript-eslint/unbound-method -- only its type is read
    expectTypeOf(app.handle).returns.toEqualTypeOf<Promise<HttpResponseBase>>();
    // eslint-disable-next-line @typescript-eslint/unbound-method -- only its type is read
    expectTypeOf(app.fetch).returns.toEqualTypeOf<Promise<Response>>();
  });

  it('rejects settings with the wrong types', () => {
    // @ts-expect-error allowedHosts is a list
    createApp({ rootUrlconf: [], allowedHosts: 'example.com' });
    // @ts-expect-error unknown settings are type errors too
    createApp({ rootUrlconf: [], alowedHosts: [] });
    // @ts-expect-error messageLevel is a number (messages.INFO), as MessageMiddleware takes it
    createApp({ rootUrlconf: [], messageLevel: 'INFO' });
    // @ts-expect-error messageStorage is a storage class, not Django's dotted path
    createApp({ rootUrlconf: [], messageStorage: 'SessionStorage' });
  });
});
