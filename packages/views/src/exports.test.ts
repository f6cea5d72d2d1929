import { expect, it } from 'vitest';

it('exports exactly the public API (a change here is an API change: add a changeset)', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toMatchInlineSnapshot(`
    [
      "DetailView",
      "EmptyPage",
      "HTTP_METHOD_NAMES",
      "ImproperlyConfigured",
      "InvalidPage",
      "ListView",
      "Page",
      "PageNotAnInteger",
      "Paginator",
      "RedirectView",
      "TemplateResponseMixin",
      "TemplateView",
      "View",
      "requireGet",
      "requireHttpMethods",
      "requirePost",
      "requireSafe",
    ]
  `);
});
