/**
 * The route string types the view's params, across packages: a class-based view declared for
 * `{ pk: number }` fits `article/<int:pk>` and is refused where the route would hand it a string
 * or a differently named parameter.
 */
import type { HttpRequest } from '@reins/http';
import { path } from '@reins/urls';
import { DetailView } from '@reins/views';
import { describe, expectTypeOf, it } from 'vitest';
import { ArticleDetailView } from '../src/articles/views.js';

class NumberDetail extends DetailView<{ pk: number }> {}

describe('typed routes with class-based views', () => {
  it('accepts a view whose params match the route', () => {
    path('article/<int:pk>', ArticleDetailView.asView(), { name: 'detail' });
    path('article/<int:pk>', NumberDetail.asView());
  });

  it('refuses a view whose params do not match the route', () => {
    // @ts-expect-error <str:pk> captures a string, the view wants a number
    path('article/<str:pk>', NumberDetail.asView());
    // @ts-expect-error the route names the parameter id, the view reads pk
    path('article/<int:id>', NumberDetail.asView());
  });

  it('types a function view’s params from the route', () => {
    path('profile/<str:username>/<int:year>/', (_request: HttpRequest, params) => {
      expectTypeOf(params).toEqualTypeOf<{ username: string; year: number }>();
      return null;
    });
  });
});
