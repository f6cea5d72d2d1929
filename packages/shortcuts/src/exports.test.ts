import { expect, it } from 'vitest';

it('exports exactly the public API (a change here is an API change: add a changeset)', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toMatchInlineSnapshot(`
    [
      "ContentNotRenderedError",
      "LazyUrl",
      "MultipleObjectsReturned",
      "TemplateResponse",
      "getListOr404",
      "getObjectOr404",
      "getTemplates",
      "getUrlconf",
      "isLazyString",
      "loadRows",
      "redirect",
      "redirectToUrl",
      "redirectToView",
      "render",
      "resolveUrl",
      "reverse",
      "reverseLazy",
      "setDefaultUrlconf",
      "setTemplates",
    ]
  `);
});
