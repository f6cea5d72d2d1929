import { describe, expect, it } from 'vitest';
import { ImproperlyConfigured } from './errors.js';
import { validateSettings } from './settings.js';
import type { Settings } from './settings.js';

describe('validateSettings', () => {
  it("fills in Django's defaults", () => {
    const settings = validateSettings({ rootUrlconf: [] });
    expect(settings).toMatchObject({
      debug: false,
      allowedHosts: [],
      appendSlash: true,
      prependWww: false,
      dataUploadMaxMemorySize: 2_621_440,
      dataUploadMaxNumberFields: 1000,
      dataUploadMaxNumberFiles: 100,
      fileUploadMaxMemorySize: 2_621_440,
      secureProxySslHeader: null,
      useXForwardedHost: false,
      useXForwardedPort: false,
      validateHostUpFront: true,
      requestContext: 'auto',
      middleware: [],
    });
  });

  it.each([
    [undefined, 'auto'],
    ['auto', 'auto'],
    ['always', 'always'],
    [true, 'always'],
    [false, false],
  ] as const)('reads requestContext %j as %j', (given, expected) => {
    expect(validateSettings({ rootUrlconf: [], requestContext: given }).requestContext).toBe(
      expected,
    );
  });

  it('keeps null limits (no limit)', () => {
    expect(
      validateSettings({ rootUrlconf: [], dataUploadMaxMemorySize: null }).dataUploadMaxMemorySize,
    ).toBeNull();
  });

  it('bounds uploads by default: the whole body, and every part', () => {
    expect(validateSettings({ rootUrlconf: [] })).toMatchObject({
      dataUploadMaxNumberParts: 1200,
      fileUploadMaxTotalSize: 104_857_600,
      fileUploadMaxSize: null,
    });
    // The parts cap follows the two counts it makes room for, and goes with either of them.
    expect(
      validateSettings({
        rootUrlconf: [],
        dataUploadMaxNumberFields: 10,
        dataUploadMaxNumberFiles: 2,
      }).dataUploadMaxNumberParts,
    ).toBe(112);
    expect(
      validateSettings({ rootUrlconf: [], dataUploadMaxNumberFields: null })
        .dataUploadMaxNumberParts,
    ).toBeNull();
  });

  it.each([
    [{ alowedHosts: [] }, 'alowedHosts', /Unknown setting 'alowedHosts'/],
    [{ dataUploadMaxNumberParts: -5 }, 'dataUploadMaxNumberParts', /whole number of parts/],
    [{ fileUploadMaxTotalSize: '100MB' }, 'fileUploadMaxTotalSize', /whole number of bytes/],
    [{ fileUploadMaxSize: 0.5 }, 'fileUploadMaxSize', /whole number of bytes/],
    [
      { allowedHosts: 'example.com' },
      'allowedHosts',
      /must be an array of host names, got the string "example.com"/,
    ],
    [{ debug: 'yes' }, 'debug', /'debug' must be true or false/],
    [
      { requestContext: 'sometimes' },
      'requestContext',
      /'requestContext' must be 'auto', 'always', true or false, got the string "sometimes"/,
    ],
    [
      { middleware: [() => () => null, 'common'] },
      'middleware[1]',
      /middleware\[1\] must be a middleware factory/,
    ],
    [{ dataUploadMaxMemorySize: -1 }, 'dataUploadMaxMemorySize', /whole number of bytes/],
    [{ dataUploadMaxNumberFields: 1.5 }, 'dataUploadMaxNumberFields', /whole number of fields/],
    [
      { fileUploadMaxMemorySize: null },
      'fileUploadMaxMemorySize',
      /whole number of bytes ≥ 0, got null/,
    ],
    [
      { handler404: '404.html' },
      'handler404',
      /'handler404' must be a view function \(request, exception\)/,
    ],
    [{ handler500: {} }, 'handler500', /'handler500' must be a view function \(request\)/],
    [{ secureProxySslHeader: 'https' }, 'secureProxySslHeader', /\[header, value\] pair/],
    [{ logger: { info() {} } }, 'logger', /log\(record\) method/],
    [{ secretKey: '' }, 'secretKey', /'secretKey' must be a non-empty string/],
    [{ secretKeyFallbacks: ['old', 7] }, 'secretKeyFallbacks', /previous non-empty secret keys/],
    [{ trustedProxies: ['lb.internal'] }, 'trustedProxies', /"lb.internal" is not an IP address/],
  ])('rejects %o naming the setting', (extra, setting, message) => {
    const attempt = () => validateSettings({ rootUrlconf: [], ...(extra as Partial<Settings>) });
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(ImproperlyConfigured.isInstance(error)).toBe(true);
      expect((error as ImproperlyConfigured).setting).toBe(setting);
      expect((error as ImproperlyConfigured).code).toBe('server.improperly_configured');
    }
  });

  it('requires a URLconf', () => {
    expect(() => validateSettings({} as Settings)).toThrow(
      /'rootUrlconf' must be a list of URL patterns or a resolver, got undefined/,
    );
  });
});

describe('session settings', () => {
  it('are accepted and handed to every middleware with the secret key', async () => {
    const { createApp } = await import('./create-app.js');
    let seen: Record<string, unknown> | undefined;
    createApp({
      rootUrlconf: [],
      secretKey: 'k'.repeat(50),
      sessionCookieName: 'sid',
      sessionCookieAge: 60,
      sessionSaveEveryRequest: true,
      middleware: [
        (getResponse, settings) => {
          seen = settings;
          return getResponse;
        },
      ],
    });
    expect(seen).toMatchObject({
      secretKey: 'k'.repeat(50),
      secretKeyFallbacks: [],
      sessionCookieName: 'sid',
      sessionCookieAge: 60,
      sessionSaveEveryRequest: true,
    });
    expect(seen).not.toHaveProperty('sessionStore');
  });

  it('only the given ones are resolved; SessionMiddleware fills the defaults', () => {
    expect(validateSettings({ rootUrlconf: [], sessionCookieSecure: true }).sessions).toEqual({
      sessionCookieSecure: true,
    });
  });
});

describe('messages settings', () => {
  it('are accepted; only the given ones are resolved, MessageMiddleware fills the defaults', () => {
    const settings = validateSettings({ rootUrlconf: [], messageLevel: 10 });
    expect(settings.messages).toEqual({ messageLevel: 10 });
    expect(settings).not.toHaveProperty('messageLevel');
  });
});
