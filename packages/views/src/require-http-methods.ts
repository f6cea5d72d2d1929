/**
 * Django's view decorators `require_http_methods`, `require_GET`, `require_POST` and
 * `require_safe`: wrap a view so other methods get 405 with an `Allow` header.
 *
 * @module
 */
import { HttpResponseNotAllowed } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { logRequestWarning } from './internal/log.js';

/**
 * Any view function: `(request, params, ...args)`.
 *
 * @example
 * const view: AnyView = (request, { pk }: { pk: number }) => new HttpResponse(String(pk));
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a decorator accepts every view signature
export type AnyView = (request: HttpRequest, ...rest: any[]) => unknown;

/**
 * A decorator that keeps the view's own type (its typed params).
 *
 * @example
 * const onlyGet: ViewDecorator = requireHttpMethods(['GET']);
 */
export type ViewDecorator = <V extends AnyView>(view: V) => V;

/**
 * A decorator admitting only `methods` (upper-case); others get 405 and a `Method Not Allowed` log.
 *
 * @example
 * export const vote = requireHttpMethods(['GET', 'POST'])(async (request, { pk }: { pk: number }) => { ... });
 */
export function requireHttpMethods(methods: readonly string[]): ViewDecorator {
  const allowed = [...methods];
  return <V extends AnyView>(view: V): V => {
    const wrapped = function (this: unknown, request: HttpRequest, ...rest: unknown[]): unknown {
      if (!allowed.includes(request.method)) {
        return logRequestWarning(
          `Method Not Allowed (${request.method}): ${request.path}`,
          request,
          new HttpResponseNotAllowed(allowed),
        );
      }
      return view.call(this, request, ...rest);
    };
    // functools.wraps: keep the name and the markers other decorators set (csrfExempt…).
    for (const key of Reflect.ownKeys(view)) {
      if (key === 'length' || key === 'prototype') continue;
      const descriptor = Object.getOwnPropertyDescriptor(view, key);
      if (descriptor && (key === 'name' || descriptor.enumerable))
        Object.defineProperty(wrapped, key, descriptor);
    }
    return wrapped as unknown as V;
  };
}

/**
 * Only GET.
 *
 * @example
 * export const feed = requireGet((request) => new HttpResponse('...'));
 */
export const requireGet: ViewDecorator = requireHttpMethods(['GET']);

/**
 * Only POST.
 *
 * @example
 * export const vote = requirePost(async (request) => { ... });
 */
export const requirePost: ViewDecorator = requireHttpMethods(['POST']);

/**
 * Only the safe methods GET and HEAD.
 *
 * @example
 * export const index = requireSafe((request) => render(request, 'index.html'));
 */
export const requireSafe: ViewDecorator = requireHttpMethods(['GET', 'HEAD']);
