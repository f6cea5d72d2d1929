import { cachePage, varyOnCookie } from '@reins/cache';
import { path } from '@reins/urls';
import { ArticleDetailView, ArticleListView, articleApi, logo } from './views.js';

/** The articles app's URLconf; included at `''` with the application namespace `articles`. */
export const urlpatterns = [
  // Cached for 60 s (Django's @cache_page(60)): see the README's "Caching" section. The base
  // layout names the logged-in user, so the cache keeps one copy per session cookie
  // (Django's @vary_on_cookie under @cache_page).
  path('', cachePage(60)(varyOnCookie(ArticleListView.asView())), { name: 'home' }),
  path('article/<int:pk>', ArticleDetailView.asView(), { name: 'detail' }),
  path('api/articles/', articleApi, { name: 'api' }),
  path('logo.png', logo, { name: 'logo' }),
];
