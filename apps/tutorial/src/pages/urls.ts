/** The pages app's URLs, named so templates and redirects reverse them (`{% url 'pages:home' %}`). */
import { path } from '@reins/urls';
import { home, pageDetail } from './views.js';

export const urlpatterns = [
  path('', home, { name: 'home' }),
  path('pages/<slug:slug>/', pageDetail, { name: 'detail' }),
];
