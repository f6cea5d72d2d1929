/**
 * The project's URLconf (Django's ROOT_URLCONF): the login page, then one `include()` per app.
 * `reins startapp blog` prints the line that adds a new one.
 */
import { LoginView } from '@reins/auth';
import { include, path } from '@reins/urls';
import { urlpatterns as blog } from './blog/urls.js';
import { urlpatterns as pages } from './pages/urls.js';

export const urlpatterns = [
  path('accounts/login/', LoginView.asView(), { name: 'login' }),
  path('blog/', include({ urlpatterns: blog, appName: 'blog' })),
  path('', include({ urlpatterns: pages, appName: 'pages' })),
];
