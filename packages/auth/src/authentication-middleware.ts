/**
 * {@link AuthenticationMiddleware}: `request.user` and `request.auser()` (Django's
 * `AuthenticationMiddleware`), loaded lazily, once per request.
 *
 * @module
 */
import { ImproperlyConfigured, isThenable } from '@reins/core';
import type { SecretKey } from '@reins/core/signing';
import type { HttpRequest } from '@reins/http';
import type {
  GetResponse,
  Middleware,
  MiddlewareHandler,
  MiddlewareSettings,
} from '@reins/middleware';
import type { AuthBackend } from './auth-backend.js';
import { getUser } from './get-user.js';
import { registerAuthCommands } from './internal/management-commands.js';
import {
  attachState,
  DEFAULT_URLS,
  STATE,
  type AuthConfig,
  type AuthState,
} from './internal/auth-state.js';
import { SESSION_KEY, BACKEND_SESSION_KEY } from './session-keys.js';
import { AnonymousUser } from './anonymous-user.js';
import { UserNotLoaded } from './user-not-loaded.js';
import type { AuthUser } from './user.js';
import type {} from './request-user.js';

/**
 * Options of {@link AuthenticationMiddleware}; left out, they are read from the settings
 * (`authenticationBackends`, `secretKey`).
 *
 * @example
 * AuthenticationMiddleware.with({ backends: [new ModelBackend({ db })], load: 'eager' });
 */
export interface AuthenticationMiddlewareOptions {
  /** The backends, in order (Django's `AUTHENTICATION_BACKENDS`). */
  backends?: readonly AuthBackend[];
  /** The key of the session-auth hash (`secretKey`). */
  secretKey?: SecretKey;
  /**
   * `'lazy'` (default): the user is loaded on the first `await request.auser()` (or a `request.user`
   * read it can answer synchronously), never for a request that does not ask. `'eager'`: before
   * the view, for a request whose session names a user, so `request.user` always answers.
   */
  load?: 'lazy' | 'eager';
  /** Where `loginRequired` sends anonymous users (`loginUrl`, default `'/accounts/login/'`): a URL or a URL name. */
  loginUrl?: string;
  /** Where `LoginView` goes without a safe `next` (`loginRedirectUrl`, default `'/accounts/profile/'`). */
  loginRedirectUrl?: string;
  /** Where `LogoutView` goes without a safe `next` (`logoutRedirectUrl`, default: render its template). */
  logoutRedirectUrl?: string | null;
}

function auser(this: HttpRequest & { [STATE]: AuthState }): Promise<AuthUser> {
  const state = this[STATE];
  // Reading the user reads the session (Django's lazy user): the response varies on Cookie.
  this.session.accessed = true;
  if (state.user !== undefined) return Promise.resolve(state.user);
  return (state.loading ??= Promise.resolve(getUser(this)).then(
    (user) => (state.user = user),
    (error: unknown) => {
      state.loading = undefined;
      throw error;
    },
  ));
}

function readUser(this: HttpRequest & { [STATE]: AuthState }): AuthUser {
  const state = this[STATE];
  this.session.accessed = true;
  if (state.user !== undefined) return state.user;
  // Nobody logged in: known without asking any backend.
  if (!this.session.has(SESSION_KEY)) return (state.user = new AnonymousUser());
  const loaded = getUser(this);
  if (isThenable(loaded)) {
    state.loading ??= Promise.resolve(loaded).then((user) => (state.user = user));
    // Nobody is waiting on this load yet; the error surfaces on the next auser().
    state.loading.catch(() => (state.loading = undefined));
    throw new UserNotLoaded(String(this.session.get(BACKEND_SESSION_KEY)));
  }
  return (state.user = loaded);
}

function writeUser(this: HttpRequest & { [STATE]: AuthState }, user: AuthUser): void {
  this[STATE].user = user;
}

const DESCRIPTOR: PropertyDescriptor = {
  get: readUser,
  set: writeUser,
  configurable: true,
  enumerable: false,
};

function resolveConfig(
  options: AuthenticationMiddlewareOptions,
  settings: MiddlewareSettings,
): AuthConfig {
  const backends =
    options.backends ?? (settings['authenticationBackends'] as readonly AuthBackend[] | undefined);
  if (!Array.isArray(backends) || backends.length === 0) {
    throw new ImproperlyConfigured(
      'AuthenticationMiddleware needs at least one backend: set authenticationBackends: [new ModelBackend({ db })] in the settings (or AuthenticationMiddleware.with({ backends })).',
      { setting: 'authenticationBackends', code: 'auth.no_backends' },
    );
  }
  for (const backend of backends as unknown[]) {
    const b = backend as Partial<AuthBackend> | null;
    if (
      typeof b !== 'object' ||
      b === null ||
      typeof b.path !== 'string' ||
      typeof b.authenticate !== 'function' ||
      typeof b.getUser !== 'function'
    ) {
      throw new ImproperlyConfigured(
        'Each entry of authenticationBackends must be a backend object with path, authenticate() and getUser() (such as new ModelBackend({ db })).',
        { setting: 'authenticationBackends', code: 'auth.invalid_backend' },
      );
    }
  }
  const secretKey = options.secretKey ?? (settings['secretKey'] as SecretKey | undefined);
  if (
    (typeof secretKey !== 'string' && !(secretKey instanceof Uint8Array)) ||
    secretKey.length === 0
  ) {
    throw new ImproperlyConfigured(
      "AuthenticationMiddleware needs the 'secretKey' setting: it signs the session-auth hash that ends other sessions on a password change.",
      { setting: 'secretKey', code: 'auth.no_secret_key' },
    );
  }
  const url = (name: 'loginUrl' | 'loginRedirectUrl' | 'logoutRedirectUrl'): string | null => {
    const value = options[name] !== undefined ? options[name] : settings[name];
    if (value === undefined) return DEFAULT_URLS[name];
    if (value === null && name === 'logoutRedirectUrl') return null;
    if (typeof value !== 'string' || value === '') {
      throw new ImproperlyConfigured(
        `The setting '${name}' must be a URL or a URL name, got ${typeof value === 'string' ? `'${value}'` : typeof value}.`,
        {
          setting: name,
          code: 'auth.invalid_setting',
        },
      );
    }
    return value;
  };
  return {
    backends,
    secretKey,
    loginUrl: url('loginUrl')!,
    loginRedirectUrl: url('loginRedirectUrl')!,
    logoutRedirectUrl: url('logoutRedirectUrl'),
  };
}

/**
 * Django's `AuthenticationMiddleware` with options.
 *
 * @throws {ImproperlyConfigured} at start-up without backends or `secretKey`.
 * @example
 * middleware: [SessionMiddleware, CsrfViewMiddleware, authenticationMiddleware({ load: 'eager' })];
 */
export function authenticationMiddleware(
  options: AuthenticationMiddlewareOptions = {},
): Middleware {
  const middleware: Middleware = (
    getResponse: GetResponse,
    settings: MiddlewareSettings = {},
  ): MiddlewareHandler => {
    const config = resolveConfig(options, settings);
    registerAuthCommands(config.backends);
    const eager = options.load === 'eager';
    if (options.load !== undefined && options.load !== 'lazy' && !eager) {
      throw new ImproperlyConfigured(
        `AuthenticationMiddleware's load must be 'lazy' or 'eager', got '${String(options.load)}'.`,
        {
          setting: 'middleware',
        },
      );
    }
    return (request) => {
      if ((request as { session?: unknown }).session === undefined) {
        throw new ImproperlyConfigured(
          'AuthenticationMiddleware needs request.session: put SessionMiddleware before it in the middleware setting.',
          { setting: 'middleware', code: 'auth.no_session' },
        );
      }
      attachState(request, config);
      Object.defineProperty(request, 'user', DESCRIPTOR);
      (request as { auser: typeof auser }).auser = auser;
      if (eager) {
        // A look at the session that the view did not ask for: no Vary: Cookie for it.
        const session = request.session;
        const accessed = session.accessed;
        if (session.has(SESSION_KEY)) {
          const state = (request as HttpRequest & { [STATE]: AuthState })[STATE];
          return Promise.resolve(getUser(request)).then((user) => {
            state.user = user;
            session.accessed = accessed;
            return getResponse(request);
          });
        }
        session.accessed = accessed;
      }
      return getResponse(request);
    };
  };
  Object.defineProperty(middleware, 'name', { value: 'AuthenticationMiddleware' });
  return middleware;
}

/**
 * Django's `AuthenticationMiddleware`, configured by the settings (`authenticationBackends`,
 * `secretKey`); `AuthenticationMiddleware.with(options)` for options of its own.
 *
 * @example
 * middleware: [SecurityMiddleware, SessionMiddleware, CommonMiddleware, CsrfViewMiddleware, AuthenticationMiddleware];
 */
export const AuthenticationMiddleware: Middleware & {
  with(options?: AuthenticationMiddlewareOptions): Middleware;
} = Object.assign(authenticationMiddleware(), { with: authenticationMiddleware });
