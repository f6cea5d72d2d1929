/**
 * The project URLconf (Django's ROOT_URLCONF): the greetings app under `greetings/`, the
 * development static files, and the articles app at the root with the application namespace
 * `articles`.
 */
import { include, path } from '@reins/urls';
import { urlpatterns as articles } from './articles/urls.js';
import { urlpatterns as greetings } from './greetings/urls.js';
import { serveStatic } from './static-files.js';

export const urlpatterns = [
  path('greetings/', include(greetings)),
  path('static/<path:path>', serveStatic, { name: 'static' }),
  path('', include({ urlpatterns: articles, appName: 'articles' })),
];
