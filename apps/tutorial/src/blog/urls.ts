import { path } from '@reins/urls';
import { newPost, postDetail, postList } from './views.js';

export const urlpatterns = [
  path('', postList, { name: 'list' }),
  path('new/', newPost, { name: 'new' }),
  path('<slug:slug>/', postDetail, { name: 'detail' }),
];
