/**
 * The project URLconf (Django's ROOT_URLCONF): the greetings app under `greetings/` and the
 * articles app at the root with the application namespace `articles`; the accounts pages
 * (`accounts/login/`, `accounts/logout/`) and the members-only page. Static files are served by
 * the static files middleware (see settings.ts), not by a route.
 */
import { include, path } from '@reins/urls';
import { urlpatterns as accounts } from './accounts/urls.js';
import { members } from './accounts/views.js';
import { urlpatterns as articles } from './articles/urls.js';
import { urlpatterns as greetings } from './greetings/urls.js';

export const urlpatterns = [
  path('greetings/', include(greetings)),
  path('accounts/', include(accounts)),
  path('members/', members, { name: 'members' }),
  path('', include({ urlpatterns: articles, appName: 'articles' })),
];
