/**
 * The current request, available anywhere inside its handling (`getCurrentRequest()`), through
 * `AsyncLocalStorage`: `reverse()` and templates use it to find the resolver and current app
 * without the request being passed down.
 *
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { HttpRequest } from './http-request.js';

// One store per process even when two copies of this package are loaded.
const KEY = Symbol.for('reins.requestContext');
const registry = globalThis as unknown as Record<
  symbol,
  AsyncLocalStorage<HttpRequest> | undefined
>;
const storage: AsyncLocalStorage<HttpRequest> = (registry[KEY] ??=
  new AsyncLocalStorage<HttpRequest>());

/**
 * Run `fn` with `request` as the current request; returns what `fn` returns.
 *
 * @example
 * const response = await runWithRequest(request, () => handler(request));
 */
export function runWithRequest<T>(request: HttpRequest, fn: () => T): T {
  return storage.run(request, fn);
}

/**
 * The request being handled, or `undefined` outside `runWithRequest()`.
 *
 * @example
 * const request = getCurrentRequest();
 * const app = request?.currentApp;
 */
export function getCurrentRequest(): HttpRequest | undefined {
  return storage.getStore();
}
