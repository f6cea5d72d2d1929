/**
 * Class views keep their route parameters' types. `@reins/urls`' `path(route, view)` requires a
 * `View<RouteParams<route>>`, i.e. `(request, params: RouteParams<route>, ...args) => unknown`;
 * `UrlconfView` below is that contract, written out because this package may not depend on
 * @reins/urls (the real `path()` check lives in the demo app's type tests).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '@reins/http';
import { DetailView } from './detail-view.js';
import { ListView } from './list-view.js';
import { RedirectView } from './redirect-view.js';
import { requirePost } from './require-http-methods.js';
import { TemplateView } from './template-view.js';
import { View } from './view.js';
import type { ParamsOf, ViewFunction } from './view.js';

type UrlconfView<P> = (request: any, params: P, ...args: any[]) => unknown;

class ArticleDetail extends DetailView<{ pk: number }> {}
class Archive extends ListView<{ year: number; month: string }> {}

describe('typed route parameters', () => {
  it('asView() keeps the declared params', () => {
    expectTypeOf(ArticleDetail.asView()).toEqualTypeOf<ViewFunction<{ pk: number }>>();
    expectTypeOf<ParamsOf<ArticleDetail>>().toEqualTypeOf<{ pk: number }>();
    expectTypeOf(ArticleDetail.asView()).toMatchTypeOf<UrlconfView<{ pk: number }>>();
    expectTypeOf(Archive.asView()).toMatchTypeOf<UrlconfView<{ year: number; month: string }>>();
  });

  it('a mismatched param type does not fit the route', () => {
    expectTypeOf(ArticleDetail.asView()).not.toMatchTypeOf<UrlconfView<{ pk: string }>>();
    expectTypeOf(ArticleDetail.asView()).not.toMatchTypeOf<UrlconfView<{ id: number }>>();
    const takesStringPk = (view: UrlconfView<{ pk: string }>): unknown => view;
    // @ts-expect-error `<str:pk>` gives a string, ArticleDetail wants a number
    takesStringPk(ArticleDetail.asView());
  });

  it('handlers receive the typed params', () => {
    class Hello extends View<{ name: string }> {
      override get(_request: HttpRequest, params: { name: string }): HttpResponse {
        expectTypeOf(this.kwargs).toEqualTypeOf<{ name: string }>();
        expectTypeOf(params.name).toBeString();
        return null as unknown as HttpResponse;
      }
    }
    expectTypeOf(Hello.asView()).parameter(1).toEqualTypeOf<{ name: string }>();
  });
});

describe('asView() options', () => {
  it('accepts the class’s data attributes with their types', () => {
    TemplateView.asView({
      templateName: 'a.html',
      extraContext: { a: 1 },
      contentType: 'text/plain',
    });
    RedirectView.asView({ url: '/x/', permanent: true, queryString: true });
    ArticleDetail.asView({ slugField: 'title', queryPkAndSlug: true });
  });

  it('refuses unknown names, wrong types and methods', () => {
    // @ts-expect-error misspelled attribute
    TemplateView.asView({ templateNam: 'a.html' });
    // @ts-expect-error paginateBy is a number
    ListView.asView({ paginateBy: 'ten' });
    // @ts-expect-error handlers cannot be passed as options
    TemplateView.asView({ get: () => null });
    // @ts-expect-error the request is set per request, not as an option
    View.asView({ request: null });
  });
});

describe('decorators keep the view type', () => {
  it('requirePost returns the same function type', () => {
    const view = (_request: HttpRequest, params: { pk: number }): string => String(params.pk);
    expectTypeOf(requirePost(view)).toEqualTypeOf(view);
  });
});
