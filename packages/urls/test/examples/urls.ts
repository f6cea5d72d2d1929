// The urlconf every README example serves.
import { createResolver, include, path } from '@reins/urls';

const articles = [
  path('', () => 'All articles', { name: 'index' }),
  path('<int:year>/', (_request, { year }) => `Articles from ${year}`, { name: 'year' }),
  path('<int:year>/<slug:slug>/', (_request, { year, slug }) => `${slug} (${year})`, {
    name: 'detail',
  }),
];

export const resolver = createResolver([
  path('', () => 'Home', { name: 'home' }),
  path('articles/', include({ urlpatterns: articles, appName: 'articles' })),
]);
