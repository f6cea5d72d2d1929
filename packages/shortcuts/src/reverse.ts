/**
 * Request-scoped `reverse()`: the URL for a view name, built by the resolver serving the current
 * request (`request.urlconf`, found through `getCurrentRequest()`), with the current application
 * namespace (`request.currentApp`, else the namespace the request resolved in) as the default
 * `currentApp`. Outside any request (a script, a unit test) it uses the standalone default set with
 * `setDefaultUrlconf()`; `createApp` never sets it, so two applications in one process never share
 * a resolver.
 * `reverseLazy()` defers all of that until the URL is first used as a string.
 *
 * @module
 */
import { getCurrentRequest } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import type { UrlKwargs } from './register.js';
import type { TypedReverse } from './typed-reverse.js';

/**
 * Anything that reverses: an `@reins/urls` `URLResolver` (typed or not), or an object shaped like
 * one. The parameters are left open so a resolver typed with its route names still fits.
 *
 * @example
 * setDefaultUrlconf(createResolver(urlpatterns)); // a URLResolver is a UrlReverser
 */
export interface UrlReverser {
  reverse(viewname: never, ...rest: never[]): string;
}

/**
 * A view name (`'polls:detail'`) or a view function, as `reverse()` takes it.
 *
 * @example
 * reverse('polls:detail', { args: [4] }); reverse(views.home);
 */
export type ViewName = string | ((...args: never[]) => unknown);

type UntypedReverse = (viewname: ViewName, options?: object) => string;

function nameOf(viewname: ViewName): string {
  return typeof viewname === 'string' ? viewname : viewname.name || '<anonymous view>';
}

/**
 * Options of `reverse()`: those of `URLResolver.reverse()`, plus the resolver to use.
 *
 * @example
 * reverse('polls:detail', { kwargs: { pk: 4 }, query: { page: 2 } });
 */
export interface ReverseOptions {
  /** Positional arguments (not together with `kwargs`). */
  args?: readonly unknown[] | undefined;
  /** Named arguments. */
  kwargs?: Readonly<Record<string, unknown>> | undefined;
  /** The application instance to prefer for `app:name`; `null` for none. Defaults from the request. */
  currentApp?: string | null | undefined;
  /** A query string to append (an object, `URLSearchParams` or a string). */
  query?: unknown;
  /** A fragment to append. */
  fragment?: string | undefined;
  /** The resolver to use instead of the request's (Django's `urlconf` argument). */
  urlconf?: UrlReverser | undefined;
}

let defaultUrlconf: UrlReverser | null = null;

/**
 * Set the standalone resolver: the one `reverse()` uses outside any request (and inside one that
 * has no `urlconf`), for scripts and unit tests. `createApp` does not set it (each request carries
 * its application's resolver as `request.urlconf`); `null` unsets it.
 *
 * @example
 * setDefaultUrlconf(createResolver(urlpatterns));
 */
export function setDefaultUrlconf(urlconf: UrlReverser | null): void {
  // An array has a reverse() method too: a list of patterns must be refused explicitly.
  if (
    urlconf !== null &&
    (Array.isArray(urlconf) || typeof (urlconf as Partial<UrlReverser>).reverse !== 'function')
  ) {
    throw new TypeError(
      'setDefaultUrlconf() takes a resolver (createResolver(urlpatterns) from @reins/urls), not a list of patterns.',
    );
  }
  defaultUrlconf = urlconf;
}

/**
 * The resolver `reverse()` would use now: the current request's, else the default.
 *
 * @example
 * getUrlconf()?.reverse('home');
 */
export function getUrlconf(
  request: HttpRequest | undefined = getCurrentRequest(),
): UrlReverser | null {
  const fromRequest = request?.urlconf as Partial<UrlReverser> | null | undefined;
  if (fromRequest && !Array.isArray(fromRequest) && typeof fromRequest.reverse === 'function') {
    return fromRequest as UrlReverser;
  }
  return defaultUrlconf;
}

/** `reverse()` without the registered types, for this package's own callers. */
export function reverseUntyped(viewname: ViewName, options: ReverseOptions = {}): string {
  const request = getCurrentRequest();
  const urlconf = options.urlconf ?? getUrlconf(request);
  if (urlconf === null) {
    throw new Error(
      `reverse('${nameOf(viewname)}') has no URLconf to use: it was called outside a request and no default is set. ` +
        'Call it while serving a request, pass { urlconf: app.resolver }, or for standalone code call setDefaultUrlconf(createResolver(urlpatterns)).',
    );
  }
  let currentApp = options.currentApp;
  if (currentApp === undefined && request) {
    currentApp = request.currentApp ?? (request.resolverMatch?.namespace || null);
  }
  const forwarded: Record<string, unknown> = {};
  if (options.args !== undefined) forwarded['args'] = options.args;
  if (options.kwargs !== undefined) forwarded['kwargs'] = options.kwargs;
  if (currentApp) forwarded['currentApp'] = currentApp;
  if (options.query !== undefined) forwarded['query'] = options.query;
  if (options.fragment !== undefined) forwarded['fragment'] = options.fragment;
  return (urlconf.reverse as unknown as UntypedReverse).call(urlconf, viewname, forwarded);
}

/**
 * The URL of the view named `viewname` (`'home'`, `'polls:detail'`), as Django's `reverse()`.
 * Typed from the urlconf registered in `Register`: a wrong name lists close names, and the
 * kwargs are checked against the route.
 *
 * @throws NoReverseMatch (from `@reins/urls`) when no pattern matches the name and arguments.
 * @example
 * reverse('polls:detail', { args: [4] }); // '/polls/4/'
 */
export const reverse: TypedReverse<UrlKwargs> = function reverse(
  viewname: ViewName,
  options?: ReverseOptions,
): string {
  return reverseUntyped(viewname, options);
};

const LAZY = Symbol.for('reins.LazyString');

/**
 * A URL reversed when first used as a string (`reverseLazy()`), so it can be written at module
 * level before the URLconf exists. Each use reverses again, against the request then current.
 *
 * @example
 * const successUrl: LazyUrl = reverseLazy('polls:index');
 * `${successUrl}`; // '/polls/'
 */
export class LazyUrl {
  readonly viewname: ViewName;
  readonly options: ReverseOptions;

  constructor(viewname: ViewName, options: ReverseOptions = {}) {
    this.viewname = viewname;
    this.options = options;
  }

  /** Reverse now. */
  toString(): string {
    return reverseUntyped(this.viewname, this.options);
  }

  /** Reverse now (so `JSON.stringify` writes the URL). */
  toJSON(): string {
    return this.toString();
  }

  [Symbol.toPrimitive](): string {
    return this.toString();
  }
}
Object.defineProperty(LazyUrl.prototype, LAZY, { value: true });

/**
 * Whether `value` is a lazy string (`reverseLazy()`'s result, or another package's lazy string).
 *
 * @example
 * isLazyString(reverseLazy('home')); // true
 */
export function isLazyString(value: unknown): value is { toString(): string } {
  return (
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[LAZY] === true
  );
}

/**
 * `reverse()`, deferred until the result is used as a string.
 *
 * @example
 * class Done extends RedirectView { url = reverseLazy('polls:index'); }
 */
export function reverseLazy(viewname: ViewName, options: ReverseOptions = {}): LazyUrl {
  return new LazyUrl(viewname, options);
}
