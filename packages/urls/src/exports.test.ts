import { expect, it } from 'vitest';
import * as urls from './index.js';

it('exports exactly this public API', () => {
  expect(Object.keys(urls).sort()).toMatchInlineSnapshot(`
    [
      "ConverterRegistry",
      "ImproperlyConfigured",
      "NoReverseMatch",
      "Resolver404",
      "ResolverMatch",
      "URLPattern",
      "URLResolver",
      "builtinConverters",
      "checkUrlconf",
      "createResolver",
      "decodePath",
      "defaultConverters",
      "describeUrlconf",
      "include",
      "path",
      "rePath",
      "registerConverter",
    ]
  `);
});
