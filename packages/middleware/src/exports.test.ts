import { expect, it } from 'vitest';
import * as api from './index.js';

it('exports exactly the public API (a change here needs a changeset)', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "AppendSlashError",
      "CommonMiddleware",
      "ConditionalGetMiddleware",
      "CsrfFailureReason",
      "CsrfViewMiddleware",
      "GZipMiddleware",
      "LazyCsrfToken",
      "MiddlewareNotUsed",
      "SecurityMiddleware",
      "XFrameOptionsMiddleware",
      "commonMiddleware",
      "conditionalGetMiddleware",
      "csrfContextProcessor",
      "csrfExempt",
      "csrfProtect",
      "csrfViewMiddleware",
      "defineMiddleware",
      "ensureCsrfCookie",
      "getConditionalResponse",
      "getToken",
      "gzipMiddleware",
      "noAppendSlash",
      "requiresCsrfToken",
      "rotateToken",
      "securityMiddleware",
      "skipCsrfChecks",
      "xFrameOptionsDeny",
      "xFrameOptionsExempt",
      "xFrameOptionsMiddleware",
      "xFrameOptionsSameorigin",
    ]
  `);
});
