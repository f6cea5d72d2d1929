/**
 * The handler's own cost, in process and without sockets: `app.handle()` against the least code
 * that does the same work by hand (build the request, validate the Host, resolve, call the view),
 * with and without the AsyncLocalStorage request context. What remains between reins and raw
 * `node:http` over sockets is the request/response objects and the Node adapter of @reins/http.
 */
import { HttpRequest, HttpResponse, runWithRequest } from '@reins/http';
import { createResolver, path } from '@reins/urls';
import { createApp, silentLogger } from '@reins/server';
import { BODY, HTML } from './targets.js';

async function time(fn: () => unknown, iterations: number): Promise<number> {
  for (let index = 0; index < iterations / 10; index++) await fn();
  const start = process.hrtime.bigint();
  for (let index = 0; index < iterations; index++) await fn();
  return Number(process.hrtime.bigint() - start) / iterations;
}

/** Print ns per request for the by-hand baseline and `app.handle()`, best of three. */
export async function handlerOverhead(iterations = 100_000): Promise<void> {
  const view = (): HttpResponse => new HttpResponse(BODY, { contentType: HTML });
  const patterns = [path('', view), path('hello/', view)];
  const build = (requestContext: 'auto' | 'always' | false) =>
    createApp({
      rootUrlconf: patterns,
      allowedHosts: ['127.0.0.1'],
      logger: silentLogger,
      requestContext,
    });
  const app = build('auto');
  const appWithout = build(false);
  const appAlways = build('always');
  const resolver = createResolver(patterns).compile();
  const headers = { host: '127.0.0.1:8000', 'user-agent': 'autocannon', accept: '*/*' };
  const options = app.requestOptions;
  const request = (): HttpRequest =>
    new HttpRequest({ method: 'GET', url: '/hello/', headers, options });
  const byHand = (): unknown => {
    const current = request();
    current.getHost();
    const match = resolver.resolve(current.pathInfo);
    return (match.view as typeof view)();
  };
  const cases: [string, () => unknown][] = [
    ['by hand (request, Host, resolve, view)', () => Promise.resolve(byHand())],
    ['app.handle()', () => app.handle(request())],
    ['app.handle(), requestContext: false', () => appWithout.handle(request())],
    // Last: once runWithRequest() has run, AsyncLocalStorage stays on in this process.
    ["app.handle(), requestContext: 'always'", () => appAlways.handle(request())],
    ['by hand inside runWithRequest()', () => Promise.resolve(runWithRequest(request(), byHand))],
  ];
  console.log('\nhandler overhead in process (no sockets), ns per request, best of 3');
  for (const [label, fn] of cases) {
    const best = Math.min(
      await time(fn, iterations),
      await time(fn, iterations),
      await time(fn, iterations),
    );
    console.log(`  ${label.padEnd(40)} ${best.toFixed(0).padStart(6)}`);
  }
}
