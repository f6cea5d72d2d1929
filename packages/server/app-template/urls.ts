/** The __APP__ app's URLs, named so templates and redirects reverse them (`{% url '__APP__:index' %}`). */
import { path } from '@reins/urls';
import { index } from './views.js';

export const urlpatterns = [path('', index, { name: 'index' })];
