/**
 * The demo's own middleware, as the example of writing one: it times everything below it in the
 * chain and reports the duration in a `Server-Timing` header, which browsers' developer tools show.
 */
import type { Middleware } from '@reins/middleware';
import type { HttpResponseBase } from '@reins/http';

/**
 * Add `Server-Timing: app;dur=<ms>` to every response.
 *
 * @example
 * createApp({ middleware: [serverTimingMiddleware] });
 */
export const serverTimingMiddleware: Middleware = (getResponse) => {
  const stamp = (response: HttpResponseBase, started: number): HttpResponseBase => {
    response.headers.set('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`);
    return response;
  };
  return (request) => {
    const started = performance.now();
    const response = getResponse(request);
    return response instanceof Promise
      ? response.then((r) => stamp(r, started))
      : stamp(response, started);
  };
};
