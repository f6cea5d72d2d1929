/**
 * The class-based counterparts of the decorators (Django's `AccessMixin` family), as TypeScript
 * class mixins over any view class with `dispatch(request, …)`, such as `@reins/views`' `View`:
 * `class Members extends LoginRequiredMixin(TemplateView) { … }`.
 *
 * @module
 */
import type { HttpRequest } from '@reins/http';
import { PermissionDenied } from '@reins/http';
import { loginRedirectFor } from './redirect-to-login.js';
import type { AuthUser } from './user.js';

/** A class whose instances dispatch requests (`@reins/views`' `View` and its subclasses). */
// A mixin's base must take `any[]` (TypeScript's mixin rule), and View's dispatch takes typed params.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Dispatching = abstract new (...args: any[]) => {
  dispatch(request: HttpRequest, ...rest: any[]): unknown;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * The options every access mixin adds (Django's `AccessMixin` attributes), settable with `asView()`.
 *
 * @example
 * Members.asView({ loginUrl: '/signin/' });
 */
export interface AccessMixinFields {
  /** The login page, a URL or URL name (default: the `loginUrl` setting). */
  loginUrl: string | undefined;
  /** The query parameter carrying the page to come back to (default `'next'`). */
  redirectFieldName: string | null;
  /** Answer 403 instead of redirecting (always, for a logged-in user). */
  raiseException: boolean;
  /** The message of the 403. */
  permissionDeniedMessage: string;
}

function accessMixin<Base extends Dispatching>(Base: Base) {
  abstract class Access extends Base implements AccessMixinFields {
    loginUrl: string | undefined = undefined;
    redirectFieldName: string | null = 'next';
    raiseException = false;
    permissionDeniedMessage = '';

    /** Whether `user` may see this view; each mixin decides. */
    abstract passesAccessTest(user: AuthUser): boolean | Promise<boolean>;

    /** A 403 for a logged-in user (or with `raiseException`), else the login redirect. */
    async handleNoPermission(request: HttpRequest): Promise<unknown> {
      if (this.raiseException || (await request.auser()).isAuthenticated) {
        throw new PermissionDenied(this.permissionDeniedMessage || undefined);
      }
      return loginRedirectFor(request, this.loginUrl, this.redirectFieldName);
    }

    override async dispatch(request: HttpRequest, ...rest: unknown[]): Promise<unknown> {
      if (!(await this.passesAccessTest(await request.auser())))
        return this.handleNoPermission(request);
      return super.dispatch(request, ...(rest as never[]));
    }
  }
  return Access;
}

/**
 * Django's `LoginRequiredMixin`: anonymous users are redirected to the login page with `?next=`.
 *
 * @example
 * class Members extends LoginRequiredMixin(TemplateView) { templateName = 'members.html'; }
 */
export function LoginRequiredMixin<Base extends Dispatching>(Base: Base) {
  abstract class LoginRequired extends accessMixin(Base) {
    passesAccessTest(user: AuthUser): boolean {
      return user.isAuthenticated;
    }
  }
  return LoginRequired;
}

/**
 * Django's `PermissionRequiredMixin`: set `permissionRequired` to one permission or a list.
 *
 * @example
 * class NewPoll extends PermissionRequiredMixin(TemplateView) { permissionRequired = 'polls.add_question'; }
 */
export function PermissionRequiredMixin<Base extends Dispatching>(Base: Base) {
  abstract class PermissionRequired extends accessMixin(Base) {
    passesAccessTest(user: AuthUser): Promise<boolean> {
      return this.hasPermission(user);
    }

    permissionRequired: string | readonly string[] | undefined = undefined;

    /** The permissions to check (Django's `get_permission_required()`). */
    getPermissionRequired(): readonly string[] {
      const perm = this.permissionRequired;
      if (perm === undefined) {
        throw new TypeError(
          `${this.constructor.name} is missing the permissionRequired attribute. Define it, or override getPermissionRequired().`,
        );
      }
      return typeof perm === 'string' ? [perm] : perm;
    }

    /** Whether `user` has them (Django's `has_permission()`). */
    hasPermission(user: AuthUser): Promise<boolean> {
      return user.hasPerms(this.getPermissionRequired());
    }
  }
  return PermissionRequired;
}

/**
 * Django's `UserPassesTestMixin`: define `testFunc(user)`.
 *
 * @example
 * class Staff extends UserPassesTestMixin(TemplateView) { testFunc(user: AuthUser) { return user.isStaff; } }
 */
export function UserPassesTestMixin<Base extends Dispatching>(Base: Base) {
  abstract class UserPassesTest extends accessMixin(Base) {
    passesAccessTest(user: AuthUser): boolean | Promise<boolean> {
      return this.testFunc(user);
    }

    /** The test (Django's `test_func()`); the default refuses, as Django's raises NotImplementedError. */
    testFunc(_user: AuthUser): boolean | Promise<boolean> {
      throw new TypeError(
        `${this.constructor.name} is missing the implementation of the testFunc() method.`,
      );
    }
  }
  return UserPassesTest;
}
