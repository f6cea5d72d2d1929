/**
 * The current request, available anywhere inside its handling (`getCurrentRequest()`): `reverse()`
 * and templates use it to find the resolver and current app without the request being passed down.
 *
 * Two ways to make a request current. `runWithRequest()` uses `AsyncLocalStorage`, so the request
 * follows every `await`, timer and callback `fn` starts. On Node 20 that machinery (async hooks)
 * costs about a microsecond per HTTP request once it is switched on — for every request of the
 * process, since Node's own HTTP internals schedule ~10 ticks per request. So the server uses the
 * other two: `runSyncWithRequest()` (a plain variable, for the synchronous part of a request) and
 * `runWithRequestUntilSettled()` (`AsyncLocalStorage` only while an async view or middleware is
 * pending, switched off again when none is), and a process serving sync views never pays for it.
 *
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { isThenable } from '@reins/core';
import type { HttpRequest } from './http-request.js';

interface ContextState {
  readonly storage: AsyncLocalStorage<HttpRequest>;
  /** The request of the synchronous call in progress (set and restored around it). */
  sync: HttpRequest | undefined;
  /** Pending `runWithRequestUntilSettled()` scopes; at zero the storage is switched off. */
  scopes: number;
  /** Someone called `runWithRequest()`: keep the storage on for good. */
  pinned: boolean;
  /** The pending check that switches the storage off after a quiet second. */
  idle: ReturnType<typeof setTimeout> | null;
}

/**
 * How long the storage stays on after the last scope settled. Switching async hooks on and off
 * costs more than it saves when async requests keep coming (measured: +1.2 µs a request under
 * load), so it is switched off only once async work has stopped for a while.
 */
const IDLE_MS = 1000;

// One state per process even when two copies of this package are loaded.
const KEY = Symbol.for('reins.requestContext.v2');
const registry = globalThis as unknown as Record<symbol, ContextState | undefined>;
const state: ContextState = (registry[KEY] ??= {
  storage: new AsyncLocalStorage<HttpRequest>(),
  sync: undefined,
  scopes: 0,
  pinned: false,
  idle: null,
});

function switchOffIfIdle(): void {
  state.idle = null;
  if (state.scopes === 0 && !state.pinned) state.storage.disable();
}

function release(): void {
  state.scopes--;
  if (state.scopes === 0 && !state.pinned && state.idle === null) {
    state.idle = setTimeout(switchOffIfIdle, IDLE_MS);
    // Never keeps the process alive (a Node timer; other runtimes have no unref).
    (state.idle as { unref?: () => void }).unref?.();
  }
}

function runScoped<T>(request: HttpRequest, fn: (request: HttpRequest) => T): T {
  const previous = state.sync;
  state.sync = request;
  try {
    return state.storage.run(request, fn, request);
  } finally {
    state.sync = previous;
  }
}

/**
 * Run `fn(request)` with `request` as the current request — in `fn` and in everything it starts
 * (awaits, timers, callbacks), for as long as they run; returns what `fn` returns.
 *
 * @example
 * const response = await runWithRequest(request, () => handler(request));
 */
export function runWithRequest<T>(request: HttpRequest, fn: (request: HttpRequest) => T): T {
  state.pinned = true;
  return runScoped(request, fn);
}

/**
 * Run `fn(request)` with `request` as the current request during its synchronous execution only: nearly
 * free, but code after an `await` in `fn` no longer sees it (use {@link runWithRequestUntilSettled}
 * around code that awaits).
 *
 * @example
 * const response = runSyncWithRequest(request, () => syncView(request));
 */
export function runSyncWithRequest<T>(request: HttpRequest, fn: (request: HttpRequest) => T): T {
  const previous = state.sync;
  state.sync = request;
  try {
    return fn(request);
  } finally {
    state.sync = previous;
  }
}

/**
 * Run `fn(request)` with `request` as the current request across its awaits until the promise it returns
 * settles (or until it returns, when it returns no promise). Once no such call has been pending
 * for a second, `AsyncLocalStorage` is switched off again, so a process serving sync requests
 * costs nothing extra; work `fn` leaves running after that no longer sees the request.
 *
 * @example
 * const response = await runWithRequestUntilSettled(request, () => asyncView(request));
 */
export function runWithRequestUntilSettled<T>(
  request: HttpRequest,
  fn: (request: HttpRequest) => T,
): T {
  state.scopes++;
  let result: T;
  try {
    result = runScoped(request, fn);
  } catch (error) {
    release();
    throw error;
  }
  if (isThenable(result)) {
    // A side branch: the caller still sees (and must handle) the rejection of `result` itself.
    Promise.resolve(result).then(release, release);
  } else {
    release();
  }
  return result;
}

/**
 * A log record about a request, as an application's logger takes it (`@reins/server`'s `LogRecord`).
 *
 * @example
 * const record: RequestLogRecord = { level: 'warning', logger: 'reins.request', message: 'Gone: /old/' };
 */
export interface RequestLogRecord {
  level: 'debug' | 'info' | 'warning' | 'error';
  /** Dotted logger name, e.g. `reins.request`. */
  logger: string;
  message: string;
  error?: unknown;
  request?: HttpRequest;
  status?: number;
}

/**
 * What the application serving a request lends to the code that runs for it, on `request.app`:
 * set by `@reins/server`'s handler before any middleware runs, so two applications in one process
 * never see each other's templates or logger (nothing here is process-wide). `null` on a request
 * no application serves (a script, a unit test); shortcuts then fall back to their documented
 * standalone defaults.
 *
 * @example
 * request.app = { templates: createTemplates([{ backend: 'reins', dirs: ['templates'] }]), logger: console };
 */
export interface RequestApp {
  /** The template engines (`createTemplates()` of `@reins/templates`), or `null` when the app has none. */
  readonly templates: object | null;
  /** The application's logger: views log Django's `django.request` warnings through it. */
  readonly logger: { log(record: RequestLogRecord): void };
}

/**
 * The application serving `request` (by default the current request), or `null` outside any.
 *
 * @example
 * getRequestApp(request)?.logger.log({ level: 'warning', logger: 'reins.request', message: 'Gone: /old/' });
 */
export function getRequestApp(
  request: HttpRequest | undefined = getCurrentRequest(),
): RequestApp | null {
  return request?.app ?? null;
}

/**
 * The request being handled, or `undefined` outside any of the `run…WithRequest` functions.
 *
 * @example
 * const request = getCurrentRequest();
 * const app = request?.currentApp;
 */
export function getCurrentRequest(): HttpRequest | undefined {
  return state.sync ?? state.storage.getStore();
}
