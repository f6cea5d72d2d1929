import { describe, expect, it } from 'vitest';

describe('public API', () => {
  it('exports exactly these names from @reins/server', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toMatchInlineSnapshot(`
      [
        "App",
        "ImproperlyConfigured",
        "ViewResponseError",
        "badRequest",
        "consoleLogger",
        "createApp",
        "escapeLogText",
        "formatCheckMessages",
        "livenessView",
        "markAsync",
        "pageNotFound",
        "permissionDenied",
        "readinessView",
        "runChecks",
        "runDeployChecks",
        "serverError",
        "silentLogger",
        "validateSettings",
      ]
    `);
  });

  it('exports exactly these names from @reins/server/testing', async () => {
    expect(Object.keys(await import('./testing/index.js')).sort()).toMatchInlineSnapshot(`
      [
        "Client",
        "RedirectCycleError",
        "RequestFactory",
      ]
    `);
  });
});
