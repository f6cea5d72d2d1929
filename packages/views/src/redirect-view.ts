/**
 * Django's `RedirectView`: redirects to `url` (with `%(name)s` placeholders filled from the URL
 * parameters) or to the reversed `patternName`, optionally keeping the query string; 410 Gone
 * when there is no target. Every method redirects the same way.
 *
 * @module
 */
import { HttpResponseGone, HttpResponsePermanentRedirect, HttpResponseRedirect } from '@reins/http';
import type { HttpRequest, HttpResponse } from '@reins/http';
import { reverse } from '@reins/shortcuts';
import { logRequestWarning } from './internal/log.js';
import { percentFormat } from './internal/percent-format.js';
import { View } from './view.js';
import type { ViewParams } from './view.js';

/**
 * Redirect to a fixed URL or a named pattern.
 *
 * @example
 * path('old/<int:pk>/', RedirectView.asView({ url: '/new/%(pk)s/', permanent: true }));
 * path('go/<int:pk>/', RedirectView.asView({ patternName: 'article-detail', queryString: true }));
 */
export class RedirectView<P extends ViewParams = Record<string, unknown>> extends View<P> {
  /** 301 instead of 302. */
  permanent = false;
  /** The target URL; `%(name)s` is replaced by the URL parameter `name`, `%%` by `%`. */
  url: string | { toString(): string } | null = null;
  /** The name of the pattern to reverse with the URL's parameters, when there is no `url`. */
  patternName: string | null = null;
  /** Append the request's query string to the target. */
  queryString = false;

  /**
   * The URL to redirect to, or `null` for 410 Gone.
   *
   * @example
   * override getRedirectUrl(params: { pk: number }) { return `/articles/${params.pk}/`; }
   */
  getRedirectUrl(params: P, ...args: string[]): string | null | Promise<string | null> {
    let url: string;
    const template = this.url === null ? '' : String(this.url);
    if (template !== '') {
      url = percentFormat(template, params as Readonly<Record<string, unknown>>);
    } else if (this.patternName) {
      const kwargs = params as Readonly<Record<string, unknown>>;
      url = reverse(this.patternName, {
        ...(args.length ? { args } : {}),
        ...(Object.keys(kwargs).length || !args.length ? { kwargs } : {}),
      });
    } else {
      return null;
    }
    const query = this.request.META['QUERY_STRING'];
    if (query && this.queryString) url = `${url}?${query}`;
    return url;
  }

  /**
   * Redirect (301/302), or 410 Gone when `getRedirectUrl()` gives `null`.
   *
   * @example
   * await RedirectView.asView({ url: '/x/' })(request, {}); // 302 Location: /x/
   */
  override async get(request: HttpRequest, params: P, ...args: string[]): Promise<HttpResponse> {
    const url = await this.getRedirectUrl(params, ...args);
    if (url !== null) {
      return this.permanent
        ? new HttpResponsePermanentRedirect(url)
        : new HttpResponseRedirect(url);
    }
    return logRequestWarning(`Gone: ${request.path}`, request, new HttpResponseGone());
  }

  override head(request: HttpRequest, params: P, ...args: string[]): Promise<HttpResponse> {
    return this.get(request, params, ...args);
  }

  override post(request: HttpRequest, params: P, ...args: string[]): Promise<HttpResponse> {
    return this.get(request, params, ...args);
  }

  override options(request: HttpRequest, params: P, ...args: string[]): Promise<HttpResponse> {
    return this.get(request, params, ...args);
  }

  override delete(request: HttpRequest, params: P, ...args: string[]): Promise<HttpResponse> {
    return this.get(request, params, ...args);
  }

  override put(request: HttpRequest, params: P, ...args: string[]): Promise<HttpResponse> {
    return this.get(request, params, ...args);
  }

  override patch(request: HttpRequest, params: P, ...args: string[]): Promise<HttpResponse> {
    return this.get(request, params, ...args);
  }
}
