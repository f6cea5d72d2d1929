/**
 * The accounts views: Django's LoginView and LogoutView from @reins/auth, and the members page
 * that only logged-in visitors see.
 */
import { loginRequired, LoginView, LogoutView, User } from '@reins/auth';
import type { HttpRequest } from '@reins/http';
import { success } from '@reins/messages';
import { ensureCsrfCookie } from '@reins/middleware';
import { render } from '@reins/shortcuts';

/**
 * `/accounts/login/` — the form (GET) and the login (POST), CSRF-protected; a successful login
 * leaves "Welcome back, <name>." for the next page (Django's SuccessMessageMixin).
 */
export const login = LoginView.asView({
  templateName: 'registration/login.html',
  onLogin: (request, user) => {
    // Any backend's user may log in; the model backend's (auth's User) has a first name.
    const name = (user instanceof User && user.getShortName()) || user.getUsername();
    success(request, `Welcome back, ${name}.`);
  },
});

/** `/accounts/logout/` — POST only (CSRF-protected), then back to the article list. */
export const logout = LogoutView.asView({ nextPage: 'articles:home' });

/** `/members/` — anonymous visitors go to `/accounts/login/?next=/members/`. */
export const members = loginRequired(
  // The page holds the logout form, so it makes sure the CSRF cookie is set.
  ensureCsrfCookie(async (request: HttpRequest) =>
    render(request, 'members.html', { user: await request.auser() }),
  ),
);
