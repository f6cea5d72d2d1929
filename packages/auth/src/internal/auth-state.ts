import type { SecretKey } from '@reins/core/signing';
import { ImproperlyConfigured } from '@reins/core';
import type { HttpRequest } from '@reins/http';
import type { AuthBackend } from '../auth-backend.js';
import type { AuthUser } from '../user.js';

/** What AuthenticationMiddleware settles at start-up and login()/getUser() read per request. */
export interface AuthConfig {
  readonly backends: readonly AuthBackend[];
  readonly secretKey: SecretKey;
  /** Django's LOGIN_URL, LOGIN_REDIRECT_URL and LOGOUT_REDIRECT_URL. */
  readonly loginUrl: string;
  readonly loginRedirectUrl: string;
  readonly logoutRedirectUrl: string | null;
}

/** Django's defaults, for a view used without the middleware's settings. */
export const DEFAULT_URLS = {
  loginUrl: '/accounts/login/',
  loginRedirectUrl: '/accounts/profile/',
  logoutRedirectUrl: null,
} as const;

/** Per request: the config and the user, once known. */
export interface AuthState {
  config: AuthConfig;
  user: AuthUser | undefined;
  loading: Promise<AuthUser> | undefined;
}

export const STATE = Symbol.for('reins.auth.state');
type WithState = HttpRequest & { [STATE]?: AuthState };

export function attachState(request: HttpRequest, config: AuthConfig): AuthState {
  const state: AuthState = { config, user: undefined, loading: undefined };
  (request as WithState)[STATE] = state;
  return state;
}

export function stateOf(request: HttpRequest, what: string): AuthState {
  const state = (request as WithState)[STATE];
  if (state === undefined) {
    throw new ImproperlyConfigured(
      `${what} needs AuthenticationMiddleware: add it to the middleware setting after SessionMiddleware (and CsrfViewMiddleware), as Django's order has it.`,
      { setting: 'middleware', code: 'auth.no_middleware' },
    );
  }
  return state;
}

export function peekState(request: HttpRequest): AuthState | undefined {
  return (request as WithState)[STATE];
}

/** Which backend authenticated a user (Django's `user.backend` attribute). */
export const userBackendPaths = new WeakMap<AuthUser, string>();
