import { path } from '@reins/urls';
import * as views from './views.js';

/** The accounts URLconf, included under `accounts/` (Django's `django.contrib.auth.urls` names). */
export const urlpatterns = [
  path('login/', views.login, { name: 'login' }),
  path('logout/', views.logout, { name: 'logout' }),
];
