/**
 * Django's `LoginView` and `LogoutView`: the login form (GET shows it, POST logs in and follows a
 * safe `next`) and the logout (POST only, as Django 5 requires), both CSRF-protected.
 *
 * @module
 */
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import {
  HttpResponseNotAllowed,
  HttpResponseRedirect,
  urlHasAllowedHostAndScheme,
} from '@reins/http';
import { csrfProtect } from '@reins/middleware';
import { render } from '@reins/shortcuts';
import { resolveTarget } from './internal/resolve-target.js';
import { authenticate } from './authenticate.js';
import { DEFAULT_URLS, peekState } from './internal/auth-state.js';
import { login } from './login.js';
import { logout } from './logout.js';
import type { AuthUser } from './user.js';

/**
 * Options of {@link LoginView} (Django's `LoginView` attributes, camelCased).
 *
 * @example
 * LoginView.asView({ templateName: 'accounts/login.html', redirectAuthenticatedUser: true });
 */
export interface LoginViewOptions {
  /** Default `'registration/login.html'`. */
  templateName?: string;
  /** The parameter carrying the page to come back to (default `'next'`). */
  redirectFieldName?: string;
  /** Send an already logged-in visitor on at once instead of showing the form. */
  redirectAuthenticatedUser?: boolean;
  /** Hosts besides the request's own that `next` may point to. */
  successUrlAllowedHosts?: readonly string[];
  /** Where to go without a safe `next` (default: the `loginRedirectUrl` setting). */
  nextPage?: string;
  /** More template variables. */
  extraContext?: Record<string, unknown>;
  /**
   * Runs after a successful login, before the redirect: where a Django project overrides
   * `form_valid()` (or uses `SuccessMessageMixin`), e.g. to add a "Welcome back" message.
   */
  onLogin?: (request: HttpRequest, user: AuthUser) => void | Promise<void>;
}

/** Django's AuthenticationForm error, the same for every failure (no user enumeration). */
export const INVALID_LOGIN_MESSAGE =
  'Please enter a correct username and password. Note that both fields may be case-sensitive.';

// Django's RedirectURLMixin.get_redirect_url: `next` from POST, then GET, if it stays on an allowed host.
function safeNext(request: HttpRequest, field: string, extraHosts: readonly string[]): string {
  const candidate = request.POST.get(field) ?? request.GET.get(field) ?? '';
  const allowedHosts = [request.getHost(), ...extraHosts];
  return urlHasAllowedHostAndScheme(candidate, { allowedHosts, requireHttps: request.isSecure() })
    ? candidate
    : '';
}

/**
 * Django's `LoginView`. GET renders the template with `form` (`username`, `errors`), `next`
 * (the safe `next` value) and `redirect_field_name`; a POST with right credentials logs in and
 * redirects to the safe `next` or the `loginRedirectUrl` setting; wrong ones render the form
 * again with one message, whatever was wrong.
 *
 * @example
 * path('accounts/login/', LoginView.asView(), { name: 'login' });
 */
export const LoginView: {
  /** The view function, CSRF-protected (Django's `LoginView.as_view()`). */
  asView(options?: LoginViewOptions): (request: HttpRequest) => Promise<HttpResponseBase>;
} = {
  asView(options: LoginViewOptions = {}): (request: HttpRequest) => Promise<HttpResponseBase> {
    const templateName = options.templateName ?? 'registration/login.html';
    const field = options.redirectFieldName ?? 'next';
    const extraHosts = options.successUrlAllowedHosts ?? [];
    const successUrl = (request: HttpRequest): string =>
      safeNext(request, field, extraHosts) ||
      resolveTarget(
        options.nextPage ??
          peekState(request)?.config.loginRedirectUrl ??
          DEFAULT_URLS.loginRedirectUrl,
        request,
      );
    const show = (request: HttpRequest, form: { username: string; errors: string[] }) =>
      render(request, templateName, {
        form,
        [field]: safeNext(request, field, extraHosts),
        redirect_field_name: field,
        ...options.extraContext,
      });
    const view = async (request: HttpRequest): Promise<HttpResponseBase> => {
      if (options.redirectAuthenticatedUser && (await request.auser()).isAuthenticated) {
        return new HttpResponseRedirect(successUrl(request));
      }
      if (request.method === 'POST') {
        await request.loadBody();
        const username = request.POST.get('username') ?? '';
        const password = request.POST.get('password') ?? '';
        const user =
          username === '' || password === ''
            ? null
            : await authenticate(request, { username, password });
        if (user !== null) {
          await login(request, user);
          await options.onLogin?.(request, user);
          return new HttpResponseRedirect(successUrl(request));
        }
        return show(request, { username, errors: [INVALID_LOGIN_MESSAGE] });
      }
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return new HttpResponseNotAllowed(['GET', 'POST']);
      return show(request, { username: '', errors: [] });
    };
    return csrfProtect(view);
  },
};

/**
 * Options of {@link LogoutView}.
 *
 * @example
 * LogoutView.asView({ nextPage: 'home' });
 */
export interface LogoutViewOptions {
  /** Where to go after logging out (default: the `logoutRedirectUrl` setting, else render the template). */
  nextPage?: string;
  /** Default `'registration/logged_out.html'`. */
  templateName?: string;
  /** The parameter that may name where to go (default `'next'`). */
  redirectFieldName?: string;
  /** Hosts besides the request's own that `next` may point to. */
  successUrlAllowedHosts?: readonly string[];
}

/**
 * Django's `LogoutView`: a POST logs out and redirects to a safe `next`, `nextPage` or the
 * `logoutRedirectUrl` setting, else renders the template; GET is refused with 405 (Django 5's
 * rule: a link or an image must not log anyone out).
 *
 * @example
 * path('accounts/logout/', LogoutView.asView({ nextPage: '/' }), { name: 'logout' });
 */
export const LogoutView: {
  /** The view function, CSRF-protected (Django's `LogoutView.as_view()`). */
  asView(options?: LogoutViewOptions): (request: HttpRequest) => Promise<HttpResponseBase>;
} = {
  asView(options: LogoutViewOptions = {}): (request: HttpRequest) => Promise<HttpResponseBase> {
    const field = options.redirectFieldName ?? 'next';
    const view = async (request: HttpRequest): Promise<HttpResponseBase> => {
      if (request.method !== 'POST') return new HttpResponseNotAllowed(['POST']);
      await request.loadBody();
      logout(request);
      const next = safeNext(request, field, options.successUrlAllowedHosts ?? []);
      const page = options.nextPage ?? peekState(request)?.config.logoutRedirectUrl ?? null;
      if (next !== '') return new HttpResponseRedirect(next);
      if (page !== null) return new HttpResponseRedirect(resolveTarget(page, request));
      return render(request, options.templateName ?? 'registration/logged_out.html', {});
    };
    return csrfProtect(view);
  },
};
