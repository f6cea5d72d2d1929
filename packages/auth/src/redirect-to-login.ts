/**
 * {@link redirectToLogin}: the redirect to the login page with `?next=` (Django's
 * `redirect_to_login()`).
 *
 * @module
 */
import { quote, urlsplit } from '@reins/core';
import type { HttpRequest } from '@reins/http';
import { HttpResponseRedirect } from '@reins/http';
import { resolveTarget } from './internal/resolve-target.js';
import { DEFAULT_URLS, peekState } from './internal/auth-state.js';

/**
 * A redirect to `loginUrl` (a URL or URL name) carrying `next` in its query under
 * `redirectFieldName` (default `'next'`; `null` for none), slashes left readable as Django does;
 * give the request to reverse a URL name with its URLconf.
 *
 * @example
 * redirectToLogin('/members/'); // 302 to /accounts/login/?next=/members/
 */
export function redirectToLogin(
  next: string,
  loginUrl: string = DEFAULT_URLS.loginUrl,
  redirectFieldName: string | null = 'next',
  request: HttpRequest | null = null,
): HttpResponseRedirect {
  const resolved = resolveTarget(loginUrl, request);
  if (redirectFieldName === null || redirectFieldName === '')
    return new HttpResponseRedirect(resolved);
  const hash = resolved.indexOf('#');
  const fragment = hash === -1 ? '' : resolved.slice(hash);
  const withoutFragment = hash === -1 ? resolved : resolved.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  const base = question === -1 ? withoutFragment : withoutFragment.slice(0, question);
  const query = question === -1 ? '' : withoutFragment.slice(question + 1);
  // QueryDict(query)[field] = next; urlencode(safe='/'): an existing `next` is replaced.
  const kept = query
    .split('&')
    .filter(
      (pair) =>
        pair !== '' &&
        decodeURIComponent(pair.split('=')[0]!.replaceAll('+', ' ')) !== redirectFieldName,
    );
  kept.push(`${quote(redirectFieldName, '/')}=${quote(next, '/')}`);
  return new HttpResponseRedirect(`${base}?${kept.join('&')}${fragment}`);
}

/**
 * The `next` for a request that must log in first, and the login URL (Django's `user_passes_test`
 * wrapper): the path alone when the login page is on the same scheme and host, else the full URL.
 */
export function loginRedirectFor(
  request: HttpRequest,
  loginUrl: string | undefined,
  redirectFieldName: string | null,
): HttpResponseRedirect {
  const resolvedLogin = resolveTarget(
    loginUrl ?? peekState(request)?.config.loginUrl ?? DEFAULT_URLS.loginUrl,
    request,
  );
  let path = request.buildAbsoluteUri();
  const login = safeSplit(resolvedLogin);
  const current = safeSplit(path);
  if (
    (login.scheme === '' || login.scheme === current.scheme) &&
    (login.netloc === '' || login.netloc === current.netloc)
  ) {
    path = request.getFullPath();
  }
  return redirectToLogin(path, resolvedLogin, redirectFieldName, request);
}

function safeSplit(url: string): { scheme: string; netloc: string } {
  try {
    return urlsplit(url);
  } catch {
    return { scheme: '', netloc: '' };
  }
}
