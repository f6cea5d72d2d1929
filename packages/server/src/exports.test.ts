import { describe, expect, it } from 'vitest';

describe('public API', () => {
  it('exports exactly these names from @reins/server', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toMatchInlineSnapshot(`
      [
        "App",
        "ImproperlyConfigured",
        "ViewResponseError",
        "applyMigrations",
        "badRequest",
        "consoleLogger",
        "createApp",
        "defineMigrations",
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
        "showMigrations",
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
