/**
 * Django's `redirect()` and `resolveUrl()`, plus the explicit `redirectToUrl()` and
 * `redirectToView()` for code that wants no guessing. `resolveUrl()` follows Django's order: an
 * object with `getAbsoluteUrl()` gives its URL; `./` and `../` stay relative; otherwise the
 * string is reversed as a view name and, when that fails, used as a URL if it contains `/` or `.`
 * (Django's rule). Every target then goes through `HttpResponseRedirect`, which refuses schemes
 * other than http, https and ftp (`DisallowedRedirect`).
 *
 * @module
 */
import { NO_REVERSE_MATCH_BRAND } from '@reins/core';
import {
  DisallowedRedirect,
  HttpResponsePermanentRedirect,
  HttpResponseRedirect,
} from '@reins/http';
import { reverseUntyped as reverse } from './reverse.js';
import type { UrlKwargs } from './register.js';
import type { TypedRedirect } from './typed-reverse.js';
import type { ReverseOptions, ViewName } from './reverse.js';

const NO_REVERSE_MATCH = NO_REVERSE_MATCH_BRAND;
const UNKNOWN_SCHEME = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * An object that knows its own URL (Django's `get_absolute_url()`).
 *
 * @example
 * const article: HasAbsoluteUrl = { getAbsoluteUrl: () => `/articles/${id}/` };
 */
export interface HasAbsoluteUrl {
  getAbsoluteUrl(): string | { toString(): string };
}

/**
 * What `redirect()` and `resolveUrl()` accept: a view name or URL, a view function, a `URL`, a
 * lazy URL, or an object with `getAbsoluteUrl()`.
 *
 * @example
 * const targets: RedirectTarget[] = ['home', '/about/', new URL('https://example.com/'), article];
 */
export type RedirectTarget = ViewName | URL | HasAbsoluteUrl | { toString(): string };

/**
 * A positional argument for reversing (`redirect('polls:detail', 4)`).
 *
 * @example
 * redirect('polls:detail', 4); // 4 is a ReverseArg
 */
export type ReverseArg = string | number | bigint;

/**
 * Options of `redirect()` and `redirectToView()`.
 *
 * @example
 * redirect('polls:detail', { kwargs: { pk: 4 }, permanent: true });
 */
export interface RedirectOptions extends Omit<ReverseOptions, 'urlconf'> {
  /** 301 instead of 302. */
  permanent?: boolean | undefined;
}

function isNoReverseMatch(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as Record<symbol, unknown>)[NO_REVERSE_MATCH] === true ||
      (error as { code?: unknown }).code === 'urls.no_reverse_match')
  );
}

function hasAbsoluteUrl(value: unknown): value is HasAbsoluteUrl {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as HasAbsoluteUrl).getAbsoluteUrl === 'function'
  );
}

/**
 * The URL `to` stands for, by Django's `resolve_url()` rules.
 *
 * @throws NoReverseMatch when `to` looks like a view name (no `/` or `.`) and does not reverse.
 * @throws DisallowedRedirect when such a string has a scheme that is not a namespace
 *   (`javascript:alert(1)`), where Django raises NoReverseMatch.
 * @example
 * resolveUrl('polls:detail', { args: [4] }); // '/polls/4/'
 * resolveUrl('/already/a/url/'); // '/already/a/url/'
 */
export function resolveUrl(
  to: RedirectTarget,
  options: Omit<ReverseOptions, 'urlconf'> = {},
): string {
  if (hasAbsoluteUrl(to)) return String(to.getAbsoluteUrl());
  if (to instanceof URL) return to.href;
  // A view function is reversed, and a failure is always an error (Django re-raises for callables).
  if (typeof to === 'function') return reverse(to as ViewName, options);
  const text = typeof to === 'string' ? to : String(to);
  if (text.startsWith('./') || text.startsWith('../')) return text;
  try {
    return reverse(text, options);
  } catch (error) {
    if (!isNoReverseMatch(error)) throw error;
    if (!text.includes('/') && !text.includes('.')) {
      // Django raises NoReverseMatch ("'javascript' is not a registered namespace") for
      // redirect('javascript:alert(1)'), a 500. Such a value is usually user input, so reins
      // refuses it as an unsafe redirect (a 400), keeping the reverse error as the cause.
      const scheme = UNKNOWN_SCHEME.exec(text)?.[1];
      if (scheme && (error as Error).message.includes('is not a registered namespace')) {
        throw new DisallowedRedirect(
          `Unsafe redirect to '${text}': it is not a view name (${(error as Error).message}) ` +
            `and its scheme '${scheme.toLowerCase()}' is not one of http, https, ftp.`,
          { cause: error },
        );
      }
      throw error;
    }
  }
  return text;
}

function splitArgs(rest: Array<ReverseArg | RedirectOptions | undefined>): RedirectOptions {
  if (rest.length === 1 && typeof rest[0] === 'object' && rest[0] !== null) return rest[0];
  if (rest.length === 1 && rest[0] === undefined) return {};
  for (const arg of rest) {
    if (typeof arg === 'object') {
      throw new TypeError(
        'redirect(to, ...args): give either positional arguments or one options object ({ args, kwargs, permanent }), not both.',
      );
    }
  }
  return rest.length ? { args: rest } : {};
}

function respond(
  url: string,
  permanent: boolean | undefined,
): HttpResponseRedirect | HttpResponsePermanentRedirect {
  return permanent ? new HttpResponsePermanentRedirect(url) : new HttpResponseRedirect(url);
}

/**
 * A 302 (or 301 with `permanent`) to wherever `to` points, resolved as Django's `redirect()`.
 * A name is typed from the urlconf registered in `Register`, as `reverse()`'s.
 *
 * @throws NoReverseMatch for a name-like string that does not reverse.
 * @throws DisallowedRedirect for a URL with an unsafe scheme (`javascript:`, `data:`…).
 * @example
 * return redirect('polls:results', question.id);
 * return redirect('polls:detail', { kwargs: { pk: 4 }, permanent: true });
 * return redirect(article); // article.getAbsoluteUrl()
 */
export const redirect: TypedRedirect<
  UrlKwargs,
  HttpResponseRedirect,
  HttpResponsePermanentRedirect
> = function redirect(
  to: RedirectTarget,
  ...rest: Array<ReverseArg | RedirectOptions | undefined>
): HttpResponseRedirect | HttpResponsePermanentRedirect {
  const { permanent, ...reverseOptions } = splitArgs(rest);
  return respond(resolveUrl(to, reverseOptions), permanent);
};

/**
 * A redirect to `url` exactly as given (never reversed); unsafe schemes are refused.
 *
 * @throws DisallowedRedirect for a scheme other than http, https or ftp.
 * @example
 * return redirectToUrl(request.GET.get('next') ?? '/');
 */
export function redirectToUrl(
  url: string | URL | { toString(): string },
  options: { permanent?: boolean | undefined } = {},
): HttpResponseRedirect | HttpResponsePermanentRedirect {
  return respond(url instanceof URL ? url.href : String(url), options.permanent);
}

/**
 * A redirect to the view named `viewname` (always reversed; never treated as a URL).
 *
 * @throws NoReverseMatch when the name and arguments do not reverse.
 * @example
 * return redirectToView('polls:detail', { kwargs: { pk: 4 } });
 */
export function redirectToView(
  viewname: ViewName,
  options: RedirectOptions = {},
): HttpResponseRedirect | HttpResponsePermanentRedirect {
  const { permanent, ...reverseOptions } = options;
  return respond(reverse(viewname, reverseOptions), permanent);
}
