/**
 * Names the instance that answered, for operators and the scale-out test behind a load balancer:
 * `X-Reins-Instance: <REINS_INSTANCE>` on every response, when that variable is set.
 */
import type { Middleware } from '@reins/middleware';
import type { HttpResponseBase } from '@reins/http';

/**
 * A middleware adding `X-Reins-Instance: name` (outermost, so cached and static responses carry it).
 *
 * @example
 * createApp({ middleware: [instanceHeaderMiddleware('web-1'), ...others] });
 */
export function instanceHeaderMiddleware(name: string): Middleware {
  return (getResponse) => {
    const stamp = (response: HttpResponseBase): HttpResponseBase => {
      response.headers.set('X-Reins-Instance', name);
      return response;
    };
    return (request) => {
      const response = getResponse(request);
      return response instanceof Promise ? response.then(stamp) : stamp(response);
    };
  };
}
