import { path } from '@reins/urls';
import * as views from './views.js';

/** The greetings app's URLconf, in the tutorial's order (the catch-all `<str:name>/` last). */
export const urlpatterns = [
  path('', views.home, { name: 'home' }),
  path('search/', views.search, { name: 'search' }),
  path('go-home/', views.goHome, { name: 'go_home' }),
  path('profile/<str:username>/', views.showProfile, { name: 'show_profile' }),
  path('<str:name>/', views.personalizedGreeting, { name: 'personalized_greeting' }),
];
