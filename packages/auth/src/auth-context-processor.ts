/**
 * {@link authContextProcessor}: `{{ user }}` and `{{ perms }}` in templates (Django's
 * `django.contrib.auth.context_processors.auth`).
 *
 * @module
 */
import type { HttpRequest } from '@reins/http';
import { AnonymousUser } from './anonymous-user.js';
import { peekState } from './internal/auth-state.js';
import { SESSION_KEY } from './session-keys.js';
import type { AuthUser } from './user.js';

/**
 * `{{ perms }}`: `perms.polls` is whether the user has any permission in `polls`,
 * `perms.polls.add_choice` whether they have that one (Django's `PermWrapper`); each answer is a
 * promise the template awaits where it is used.
 *
 * @example
 * {% if perms.polls.add_choice %}<a href="…">New choice</a>{% endif %}
 */
export class PermWrapper {
  constructor(readonly user: Promise<AuthUser>) {
    // Any other name is an app label (Proxy: Django's __getitem__).
    return new Proxy(this, {
      get(target, name, receiver) {
        if (typeof name !== 'string' || name in target)
          return Reflect.get(target, name, receiver) as unknown;
        return new PermLookup(target.user, name);
      },
    });
  }

  /** Whether the user has `perm` (`'app.codename'`; Django's `'app.codename' in perms`). */
  async has(perm: string): Promise<boolean> {
    return (await this.user).hasPerm(perm);
  }
}

/** `perms.<app>`: truthy-by-await for "any permission in the app", and `.<codename>` for one. */
class PermLookup {
  constructor(
    readonly user: Promise<AuthUser>,
    readonly appLabel: string,
  ) {
    return new Proxy(this, {
      get(target, name, receiver) {
        if (typeof name !== 'string' || name in target)
          return Reflect.get(target, name, receiver) as unknown;
        return target.user.then((user) => user.hasPerm(`${target.appLabel}.${name}`));
      },
    });
  }

  /** Whether the user has any permission in this app. */
  any(): Promise<boolean> {
    return this.user.then((user) => user.hasModulePerms(this.appLabel));
  }
}

/**
 * The template context processor giving `user` and `perms`: `user` is the logged-in user or an
 * `AnonymousUser` (awaited only when a template uses it, so a page that never prints it does not
 * load it), `perms` a {@link PermWrapper}. Pages are rendered with `renderAsync`/`render()` of
 * `@reins/shortcuts` (which await); a synchronous render gets `user` only when already loaded.
 *
 * @example
 * templates: [{ backend: 'reins', dirs: ['templates'], options: { contextProcessors: [authContextProcessor] } }]
 */
export function authContextProcessor(request: unknown): {
  user: AuthUser | PromiseLike<AuthUser>;
  perms: PermWrapper;
} {
  const req = request as HttpRequest;
  const state = peekState(req);
  if (state === undefined) {
    const anonymous = new AnonymousUser();
    return { user: anonymous, perms: new PermWrapper(Promise.resolve(anonymous)) };
  }
  // The page shows who is logged in: it varies on the session cookie (Django's lazy user would
  // mark the session accessed when the template reads it).
  req.session.accessed = true;
  if (state.user === undefined && !req.session.has(SESSION_KEY)) state.user = new AnonymousUser();
  let loading: Promise<AuthUser> | undefined;
  const load = () => (loading ??= req.auser());
  // A thenable that starts the load only when the template awaits it.
  const user: AuthUser | PromiseLike<AuthUser> = state.user ?? {
    then: (resolve, reject) => load().then(resolve, reject),
  };
  const lazyUser: Promise<AuthUser> = {
    then: (resolve, reject) => load().then(resolve, reject),
    catch: (reject) => load().catch(reject),
    finally: (fn) => load().finally(fn),
    [Symbol.toStringTag]: 'Promise',
  };
  return { user, perms: new PermWrapper(lazyUser) };
}
