/**
 * The project's URLconf (Django's ROOT_URLCONF): one `include()` per app. `reins startapp blog`
 * prints the line that adds a new one.
 */
import { include, path } from '@reins/urls';
import { urlpatterns as pages } from './pages/urls.js';

export const urlpatterns = [path('', include({ urlpatterns: pages, appName: 'pages' }))];
