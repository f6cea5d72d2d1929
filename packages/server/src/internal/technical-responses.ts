/**
 * Debug-mode responses: gathers what the technical 404 and 500 pages show from the request —
 * every read guarded, because the page is often shown precisely when the request is broken
 * (bad Host, oversized body) — and wraps the pages in responses.
 */
import { HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { Resolver404 } from '@reins/urls';
import type { AppContext } from './app-context.js';
import { technical404Page } from './technical-404.js';
import type { TriedPattern } from './technical-404.js';
import { technical500Html, technical500Text } from './technical-500.js';

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function requestUrl(request: HttpRequest): string {
  return attempt(() => request.buildAbsoluteUri(), request.path);
}

/** The name a view is shown by: its function name, or `(anonymous view)`. */
export function viewName(view: unknown): string {
  if (typeof view === 'function' && view.name !== '') return view.name;
  return '(anonymous view)';
}

/** Django's `technical_404_response`. */
export function technical404Response(
  context: AppContext,
  request: HttpRequest,
  error: unknown,
): HttpResponse {
  let tried: readonly (readonly TriedPattern[])[] | null;
  let errorUrl: string;
  let raisedBy: string | null = null;
  let reason: string | null = null;
  if (Resolver404.isInstance(error)) {
    tried = error.tried;
    errorUrl = error.path.replace(/^\//, '');
  } else {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- without it `tried` reads as any (no-unsafe-assignment)
    const match = request.resolverMatch as
      (typeof request.resolverMatch & { tried?: TriedPattern[][] }) | null;
    tried = match?.tried ?? null;
    errorUrl = request.pathInfo.slice(1);
    raisedBy = match === null ? null : viewName(match.view);
    reason = error instanceof Error ? error.message : null;
  }
  const { html, status } = technical404Page({
    method: request.method,
    pathInfo: request.pathInfo,
    requestUrl: requestUrl(request),
    tried,
    errorUrl,
    raisedBy,
    reason,
    urlconfName: context.settings.rootUrlconfName,
  });
  return new HttpResponse(html, { status, contentType: 'text/html; charset=utf-8' });
}

/** Django's `technical_500_response`: HTML when the client accepts it, plain text otherwise. */
export function technical500Response(
  context: AppContext,
  request: HttpRequest,
  error: unknown,
  status: number,
): HttpResponse {
  const { extra, ...settings } = context.settings;
  const input = {
    error,
    status,
    method: request.method,
    path: request.pathInfo,
    requestUrl: requestUrl(request),
    raisedDuring: request.resolverMatch === null ? null : viewName(request.resolverMatch.view),
    get: attempt(() => [...request.GET.lists()], []),
    post: attempt<readonly (readonly [string, readonly string[]])[] | string>(
      () => [...request.POST.lists()],
      'Unavailable (the body was not read or could not be parsed).',
    ),
    cookies: attempt(() => ({ ...request.COOKIES }), {}),
    meta: attempt(() => ({ ...request.META }), {}),
    settings: { ...settings, ...extra },
    time: new Date(),
    nodeVersion: process.version,
  };
  const wantsHtml = attempt(() => request.accepts('text/html'), true);
  return wantsHtml
    ? new HttpResponse(technical500Html(input), { status, contentType: 'text/html; charset=utf-8' })
    : new HttpResponse(technical500Text(input), {
        status,
        contentType: 'text/plain; charset=utf-8',
      });
}
