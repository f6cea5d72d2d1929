import { cachePage } from '@reins/cache';
import { path } from '@reins/urls';
import { ArticleDetailView, ArticleListView, articleApi, logo } from './views.js';

/** The articles app's URLconf; included at `''` with the application namespace `articles`. */
export const urlpatterns = [
  // Cached for 60 s (Django's @cache_page(60)): see the README's "Caching" section.
  path('', cachePage(60)(ArticleListView.asView()), { name: 'home' }),
  path('article/<int:pk>', ArticleDetailView.asView(), { name: 'detail' }),
  path('api/articles/', articleApi, { name: 'api' }),
  path('logo.png', logo, { name: 'logo' }),
];
