/**
 * Django's `View`: the base class of class-based views. `asView(initkwargs)` validates the
 * options once and returns the view function the URLconf calls as `view(request, params, ...args)`;
 * per request it makes a fresh instance, sets the options on it, runs `setup()` and `dispatch()`,
 * which calls the method handler named after the HTTP method (`get`, `post`…) or answers 405.
 *
 * @module
 */
import { HttpResponse, HttpResponseNotAllowed } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { logRequestWarning } from './internal/log.js';

/**
 * Route parameters a view receives (typed from the route by `@reins/urls`).
 *
 * @example
 * class Detail extends View<{ pk: number }> {} // { pk: number } is the ViewParams
 */
export type ViewParams = object;

/**
 * What a view returns: a response, now or later.
 *
 * @example
 * override get(): ViewResult { return new HttpResponse('ok'); }
 */
export type ViewResult = HttpResponse | Promise<HttpResponse>;

/**
 * A method handler: `get(request, params, ...args)`.
 *
 * @example
 * const get: HandlerMethod<{ pk: number }> = (request, { pk }) => new HttpResponse(String(pk));
 */
export type HandlerMethod<P> = (request: HttpRequest, params: P, ...args: string[]) => ViewResult;

/**
 * The HTTP methods a `View` dispatches, in Django's order (used for the `Allow` header).
 *
 * @example
 * HTTP_METHOD_NAMES.includes('get'); // true
 */
export const HTTP_METHOD_NAMES = [
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'trace',
] as const;

/**
 * One of `HTTP_METHOD_NAMES`.
 *
 * @example
 * const method: HttpMethodName = 'post';
 */
export type HttpMethodName = (typeof HTTP_METHOD_NAMES)[number];

/**
 * The route parameters a view class is declared with: `ParamsOf<ArticleDetail>` is `{ pk: number }`.
 *
 * @example
 * type P = ParamsOf<ArticleDetail>; // { pk: number }
 */
export type ParamsOf<V> = V extends { kwargs: infer P } ? P : never;

type AnyFunction = (...args: never[]) => unknown;
type AnyConstructor = abstract new (...args: never[]) => unknown;

/** Keys of a view that `asView()` accepts: its data attributes (a class counts as data), not methods. */
type OptionKeys<V> = {
  [K in keyof V]-?: K extends 'request' | 'args' | 'kwargs' | HttpMethodName
    ? never
    : V[K] extends AnyFunction
      ? V[K] extends AnyConstructor
        ? K
        : never
      : K;
}[keyof V];

/**
 * The options `asView()` takes for a view class: any of its data attributes.
 *
 * @example
 * const options: InitKwargs<TemplateView> = { templateName: 'about.html' };
 */
export type InitKwargs<V> = { [K in OptionKeys<V>]?: V[K] };

/**
 * The function `asView()` returns, as the URLconf calls it; it carries its class and options.
 *
 * @example
 * const view: ViewFunction<{ pk: number }> = ArticleDetail.asView();
 * view.viewClass; // ArticleDetail
 */
export interface ViewFunction<P = ViewParams> {
  (request: HttpRequest, params: P, ...args: string[]): ViewResult;
  /** The class this function instantiates per request (Django's `view_class`). */
  readonly viewClass: ViewClass;
  /** The options given to `asView()` (Django's `view_initkwargs`). */
  readonly viewInitkwargs: Readonly<Record<string, unknown>>;
}

/**
 * A class-based view class (any subclass of `View`).
 *
 * @example
 * const cls: ViewClass = ArticleDetail.asView().viewClass;
 */
export type ViewClass = (new () => View<ViewParams>) & typeof View;

/**
 * The base class-based view: subclass it and add `get`, `post`… methods.
 *
 * @example
 * class Hello extends View<{ name: string }> {
 *   get(request: HttpRequest, { name }: { name: string }) {
 *     return new HttpResponse(`Hello, ${name}!`);
 *   }
 * }
 * const urlpatterns = [path('hello/<str:name>/', Hello.asView())];
 */
export class View<P extends ViewParams = Record<string, unknown>> {
  /** The methods this view may answer, lower-case, in Django's order. */
  httpMethodNames: readonly string[] = HTTP_METHOD_NAMES;
  /** The request being served (set by `setup()`). */
  request!: HttpRequest;
  /** The route parameters (Django's `self.kwargs`). */
  kwargs!: P;
  /** The positional captures of a `rePath` without named groups (Django's `self.args`). */
  args: string[] = [];

  get?(request: HttpRequest, params: P, ...args: string[]): ViewResult;
  post?(request: HttpRequest, params: P, ...args: string[]): ViewResult;
  put?(request: HttpRequest, params: P, ...args: string[]): ViewResult;
  patch?(request: HttpRequest, params: P, ...args: string[]): ViewResult;
  delete?(request: HttpRequest, params: P, ...args: string[]): ViewResult;
  head?(request: HttpRequest, params: P, ...args: string[]): ViewResult;
  trace?(request: HttpRequest, params: P, ...args: string[]): ViewResult;

  /**
   * The view function for this class, with `initkwargs` set on each instance. Keys that are HTTP
   * method names, or not already attributes of the class, are refused as Django refuses them.
   *
   * @throws TypeError for an option that is a method name or not an attribute of the class.
   * @example
   * path('about/', TemplateView.asView({ templateName: 'about.html' }));
   */
  static asView<V extends View<ViewParams>>(
    this: new () => V,
    initkwargs: InitKwargs<V> = {},
  ): ViewFunction<ParamsOf<V>> {
    const ViewCls = this as unknown as ViewClass;
    const options = { ...(initkwargs as Record<string, unknown>) };
    const probe = new ViewCls() as unknown as Record<string, unknown> & View<ViewParams>;
    const methodNames = probe.httpMethodNames;
    for (const key of Object.keys(options)) {
      if (methodNames.includes(key)) {
        throw new TypeError(
          `The method name ${key} is not accepted as a keyword argument to ${ViewCls.name}(). ` +
            `Define ${key}() on the class instead.`,
        );
      }
      if (!(key in probe) || key === 'request' || key === 'kwargs' || key === 'args') {
        throw new TypeError(
          `${ViewCls.name}() received an invalid keyword '${key}'. asView only accepts arguments ` +
            `that are already attributes of the class.`,
        );
      }
    }
    const view = function (
      this: unknown,
      request: HttpRequest,
      params: ParamsOf<V>,
      ...args: string[]
    ): ViewResult {
      const self = new ViewCls();
      const kwargs = (params ?? {}) as ViewParams;
      Object.assign(self, options);
      self.setup(request, kwargs, ...args);
      if (!self.request) {
        throw new TypeError(
          `${ViewCls.name} instance has no 'request' attribute. Did you override setup() and forget to call super.setup()?`,
        );
      }
      return self.dispatch(request, kwargs, ...args);
    };
    // Like Django's update_wrapper(view, cls.dispatch, assigned=()): markers that decorators such
    // as csrfExempt put on dispatch carry over to the view function.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- only dispatch's own properties (decorator markers) are read
    const dispatch = ViewCls.prototype.dispatch as unknown as Record<string | symbol, unknown>;
    for (const key of Reflect.ownKeys(dispatch)) {
      if (key === 'length' || key === 'name' || key === 'prototype') continue;
      const descriptor = Object.getOwnPropertyDescriptor(dispatch, key);
      if (descriptor?.enumerable) Object.defineProperty(view, key, descriptor);
    }
    Object.defineProperty(view, 'name', { value: ViewCls.name });
    Object.defineProperty(view, 'viewClass', { value: ViewCls, enumerable: true });
    Object.defineProperty(view, 'viewInitkwargs', {
      value: Object.freeze(options),
      enumerable: true,
    });
    return view as unknown as ViewFunction<ParamsOf<V>>;
  }

  /**
   * Store the request and parameters on the instance; override to prepare more (call super).
   *
   * @example
   * override setup(request: HttpRequest, params: P) { super.setup(request, params); this.user = request.state.user; }
   */
  setup(request: HttpRequest, params: P, ...args: string[]): void {
    // Django's setup(): a class with get() but no head() answers HEAD with get().
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Django's setup(): head = get, called as this.head()
    if (this.get && !this.head) this.head = this.get;
    this.request = request;
    this.kwargs = params;
    this.args = args;
  }

  /**
   * Call the handler for the request's method, or `httpMethodNotAllowed()`.
   *
   * @example
   * override dispatch(request: HttpRequest, params: P) { if (!request.state.user) throw new PermissionDenied(); return super.dispatch(request, params); }
   */
  dispatch(request: HttpRequest, params: P, ...args: string[]): ViewResult {
    const method = request.method.toLowerCase();
    if (this.httpMethodNames.includes(method)) {
      const handler = (this as unknown as Record<string, unknown>)[method];
      if (typeof handler === 'function') {
        return (handler as HandlerMethod<P>).call(this, request, params, ...args);
      }
    }
    return this.httpMethodNotAllowed(request, params, ...args);
  }

  /**
   * Answer 405 with `Allow` listing the methods this view handles; logs `Method Not Allowed`.
   *
   * @example
   * view.httpMethodNotAllowed(request, params).status; // 405
   */
  httpMethodNotAllowed(request: HttpRequest, _params: P, ..._args: string[]): ViewResult {
    return logRequestWarning(
      `Method Not Allowed (${request.method}): ${request.path}`,
      request,
      new HttpResponseNotAllowed(this.allowedMethods()),
    );
  }

  /**
   * Answer OPTIONS: 200, empty, with `Allow` and `Content-Length: 0`.
   *
   * @example
   * (await client.options('/articles/')).headers.get('Allow'); // 'GET, HEAD, OPTIONS'
   */
  options(_request: HttpRequest, _params: P, ..._args: string[]): ViewResult {
    const response = new HttpResponse();
    response.headers.set('Allow', this.allowedMethods().join(', '));
    response.headers.set('Content-Length', '0');
    return response;
  }

  /**
   * The upper-case methods this instance handles, in Django's order.
   *
   * @example
   * new (class extends View { get() { return new HttpResponse(); } })().allowedMethods(); // ['GET', 'HEAD', 'OPTIONS']
   */
  allowedMethods(): string[] {
    const self = this as unknown as Record<string, unknown>;
    return this.httpMethodNames
      .filter(
        (name) =>
          typeof self[name] === 'function' ||
          (name === 'head' && typeof self['get'] === 'function'),
      )
      .map((name) => name.toUpperCase());
  }
}
