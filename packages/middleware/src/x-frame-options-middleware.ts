/**
 * {@link xFrameOptionsMiddleware} (Django's `XFrameOptionsMiddleware`, clickjacking protection):
 * sets `X-Frame-Options` on every response that has none, unless the view was decorated with
 * {@link xFrameOptionsExempt}. The per-view decorators {@link xFrameOptionsDeny} and
 * {@link xFrameOptionsSameorigin} set the header themselves, so the middleware leaves it alone.
 */
import type { HttpRequest } from '@reins/http';
import { defineMiddleware } from './define-middleware.js';
import { andThen } from '@reins/core';
import { constantHeader, hasHeader } from './internal/constant-header.js';
import { configurable, describeMiddleware } from './internal/named-middleware.js';
import { wrapView } from './internal/wrap-view.js';
import type { AnyResponse, MaybePromise, Middleware } from './middleware.js';

const EXEMPT = Symbol.for('reins.xFrameOptionsExempt');

/**
 * Options for {@link xFrameOptionsMiddleware}.
 *
 * @example
 * const options: XFrameOptionsMiddlewareOptions = { xFrameOptions: 'SAMEORIGIN' };
 */
export interface XFrameOptionsMiddlewareOptions {
  /**
   * `X_FRAME_OPTIONS`: `'DENY'` or `'SAMEORIGIN'` (upper-cased as Django does), or a function of
   * the request and response (Django's overridable `get_xframe_options_value`). Default `'DENY'`.
   */
  xFrameOptions?: string | ((request: HttpRequest, response: AnyResponse) => string);
}

/**
 * Django's `XFrameOptionsMiddleware` with options.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [xFrameOptionsMiddleware({ xFrameOptions: 'SAMEORIGIN' })] });
 */
export function xFrameOptionsMiddleware(options: XFrameOptionsMiddlewareOptions = {}): Middleware {
  const setting = options.xFrameOptions ?? 'DENY';
  const fixed = typeof setting === 'string' ? setting.toUpperCase() : null;
  const header = constantHeader('X-Frame-Options', fixed ?? 'DENY');
  const middleware = defineMiddleware({
    processResponse(request, response) {
      if (hasHeader(response.headers, header)) return response;
      // Marked by xFrameOptionsExempt(view), or by hand as Django's `response.xframe_options_exempt = True`.
      const marks = response as unknown as Record<PropertyKey, unknown>;
      if (marks[EXEMPT] === true || marks['xFrameOptionsExempt'] === true) return response;
      if (fixed !== null && header.checked) {
        response.headers.setTrusted(header.name, header.lower, header.value);
        return response;
      }
      const value =
        fixed ??
        (setting as (request: HttpRequest, response: AnyResponse) => string)(
          request,
          response,
        ).toUpperCase();
      response.headers.set('X-Frame-Options', value);
      return response;
    },
  });
  return describeMiddleware(middleware, 'XFrameOptionsMiddleware', options);
}

/**
 * Django's `XFrameOptionsMiddleware` with `X-Frame-Options: DENY` (Django 3.x's default).
 *
 * @example
 * createApp({ rootUrlconf, middleware: [XFrameOptionsMiddleware] });
 */
export const XFrameOptionsMiddleware = configurable(
  xFrameOptionsMiddleware,
  'XFrameOptionsMiddleware',
);

type AnyViewFunction = (...args: never[]) => unknown;

function decorateResponse<View extends AnyViewFunction>(
  view: View,
  mark: (response: AnyResponse) => void,
): View {
  return wrapView(view, {}, (call) =>
    andThen(call() as MaybePromise<AnyResponse>, (response) => {
      mark(response);
      return response;
    }),
  );
}

/**
 * Let this view's responses be framed anywhere: the middleware skips them
 * (Django's `@xframe_options_exempt`).
 *
 * @example
 * path('embed/', xFrameOptionsExempt(embedWidget));
 */
export function xFrameOptionsExempt<View extends AnyViewFunction>(view: View): View {
  return decorateResponse(view, (response) => {
    (response as unknown as Record<symbol, unknown>)[EXEMPT] = true;
  });
}

/**
 * Send `X-Frame-Options: DENY` for this view unless it set the header (Django's `@xframe_options_deny`).
 *
 * @example
 * path('settings/', xFrameOptionsDeny(settingsView));
 */
export function xFrameOptionsDeny<View extends AnyViewFunction>(view: View): View {
  return decorateResponse(view, (response) => {
    if (!response.headers.has('X-Frame-Options')) response.headers.set('X-Frame-Options', 'DENY');
  });
}

/**
 * Send `X-Frame-Options: SAMEORIGIN` for this view unless it set the header (Django's
 * `@xframe_options_sameorigin`).
 *
 * @example
 * path('preview/', xFrameOptionsSameorigin(preview));
 */
export function xFrameOptionsSameorigin<View extends AnyViewFunction>(view: View): View {
  return decorateResponse(view, (response) => {
    if (!response.headers.has('X-Frame-Options')) {
      response.headers.set('X-Frame-Options', 'SAMEORIGIN');
    }
  });
}
