/**
 * Django's auth view decorators: {@link userPassesTest}, {@link loginRequired},
 * {@link permissionRequired}.
 *
 * @module
 */
import type { HttpRequest, HttpResponseRedirect } from '@reins/http';
import { PermissionDenied } from '@reins/http';
import { loginRedirectFor } from './redirect-to-login.js';
import type { AuthUser } from './user.js';

/**
 * Where the decorators send a visitor who fails the test.
 *
 * @example
 * const options: AccessOptions = { loginUrl: 'login', redirectFieldName: 'next' };
 */
export interface AccessOptions {
  /** The login page, a URL or URL name (default: the `loginUrl` setting, `'/accounts/login/'`). */
  loginUrl?: string;
  /** The query parameter carrying the page to come back to (default `'next'`; `null` for none). */
  redirectFieldName?: string | null;
}

/** A view function: the request first, anything after. */
type ViewFn = (request: HttpRequest, ...rest: never[]) => unknown;
type Wrapped<V extends ViewFn> = (
  ...args: Parameters<V>
) => Promise<Awaited<ReturnType<V>> | HttpResponseRedirect>;

/**
 * Wrap views so that only users passing `test` reach them; others are redirected to the login page
 * with `?next=` (Django's `user_passes_test`). `test` may be async and may throw `PermissionDenied`
 * (a 403).
 *
 * @example
 * const staffOnly = userPassesTest((user) => user.isStaff)(dashboard);
 */
export function userPassesTest(
  test: (user: AuthUser) => boolean | Promise<boolean>,
  options: AccessOptions = {},
): <V extends ViewFn>(view: V) => Wrapped<V> {
  const redirectFieldName =
    options.redirectFieldName === undefined ? 'next' : options.redirectFieldName;
  return <V extends ViewFn>(view: V): Wrapped<V> => {
    const call = view as unknown as (...args: Parameters<V>) => ReturnType<V>;
    const wrapped = async (
      ...args: Parameters<V>
    ): Promise<Awaited<ReturnType<V>> | HttpResponseRedirect> => {
      const request = args[0];
      // The view's own return type, whatever it is (a response or a promise of one).
      if (await test(await request.auser()))
        return await Promise.resolve<Awaited<ReturnType<V>>>(
          call(...args) as Awaited<ReturnType<V>>,
        );
      return loginRedirectFor(request, options.loginUrl, redirectFieldName);
    };
    copyMarkers(view, wrapped);
    return wrapped;
  };
}

/**
 * Only logged-in users reach `view`; anonymous ones go to the login page with `?next=` (Django's
 * `login_required`).
 *
 * @example
 * path('members/', loginRequired(members), { name: 'members' });
 */
export function loginRequired<V extends ViewFn>(view: V, options: AccessOptions = {}): Wrapped<V> {
  return userPassesTest((user) => user.isAuthenticated, options)(view);
}

/**
 * Only users with `perm` (or all of `perms`) reach the view; others go to the login page, or get a
 * 403 with `raiseException` (Django's `permission_required`).
 *
 * @example
 * path('polls/new/', permissionRequired('polls.add_question')(newPoll));
 */
export function permissionRequired(
  perm: string | readonly string[],
  options: AccessOptions & { raiseException?: boolean } = {},
): <V extends ViewFn>(view: V) => Wrapped<V> {
  const perms = typeof perm === 'string' ? [perm] : perm;
  return userPassesTest(async (user) => {
    if (await user.hasPerms(perms)) return true;
    if (options.raiseException) throw new PermissionDenied();
    return false;
  }, options);
}

// Markers such as csrfExempt's stay on the wrapper (Django's functools.wraps).
function copyMarkers(from: object, to: object): void {
  for (const key of Reflect.ownKeys(from)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    const descriptor = Object.getOwnPropertyDescriptor(from, key);
    if (descriptor !== undefined) Object.defineProperty(to, key, descriptor);
  }
  Object.defineProperty(to, 'name', { value: (from as { name?: string }).name ?? 'view' });
}
