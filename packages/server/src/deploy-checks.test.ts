import { CsrfViewMiddleware, SecurityMiddleware, XFrameOptionsMiddleware } from '@reins/middleware';
import { SessionMiddleware } from '@reins/sessions';
import { describe, expect, it } from 'vitest';
import vectors from '../test/fixtures/deploy-checks/secret-key.json' with { type: 'json' };
import { createApp } from './create-app.js';
import { isWeakSecretKey, runDeployChecks } from './deploy-checks.js';
import { silentLogger } from './logger.js';
import type { Settings } from './settings.js';

const STRONG_KEY = 'Zs2_hXq0pV7m1YwR9cT4kL8nB3vD6fG5jH0aS2dF4gJ7kL9zX1cV3bN5mQ8wE';

/** A deployment that passes every check; each case below breaks one thing. */
function production(): Settings {
  return {
    rootUrlconf: [],
    logger: silentLogger,
    secretKey: STRONG_KEY,
    allowedHosts: ['www.example.com'],
    sessionCookieSecure: true,
    middleware: [
      SecurityMiddleware.with({
        hstsSeconds: 31_536_000,
        hstsIncludeSubdomains: true,
        hstsPreload: true,
        sslRedirect: true,
      }),
      SessionMiddleware,
      CsrfViewMiddleware.with({ cookieSecure: true }),
      XFrameOptionsMiddleware,
    ],
  };
}

function ids(settings: Settings): string[] {
  return runDeployChecks(createApp(settings)).map((message) => message.id);
}

function replacing(index: number, middleware: NonNullable<Settings['middleware']>[number]) {
  const settings = production();
  const list = [...settings.middleware!];
  list[index] = middleware;
  return { ...settings, middleware: list };
}

function without(index: number) {
  const settings = production();
  return { ...settings, middleware: settings.middleware!.filter((_, at) => at !== index) };
}

describe('reins check --deploy', () => {
  it('is silent on a production configuration', () => {
    expect(ids(production())).toEqual([]);
  });

  it.each([
    ['security.W001', without(0)],
    ['security.W002', without(3)],
    ['security.W003', without(2)],
    ['security.W004', replacing(0, SecurityMiddleware.with({ sslRedirect: true }))],
    [
      'security.W005',
      replacing(
        0,
        SecurityMiddleware.with({ hstsSeconds: 60, hstsPreload: true, sslRedirect: true }),
      ),
    ],
    [
      'security.W021',
      replacing(
        0,
        SecurityMiddleware.with({
          hstsSeconds: 60,
          hstsIncludeSubdomains: true,
          sslRedirect: true,
        }),
      ),
    ],
    [
      'security.W006',
      replacing(
        0,
        SecurityMiddleware.with({
          hstsSeconds: 60,
          hstsIncludeSubdomains: true,
          hstsPreload: true,
          sslRedirect: true,
          contentTypeNosniff: false,
        }),
      ),
    ],
    [
      'security.W008',
      replacing(
        0,
        SecurityMiddleware.with({
          hstsSeconds: 60,
          hstsIncludeSubdomains: true,
          hstsPreload: true,
        }),
      ),
    ],
    [
      'security.W022',
      replacing(
        0,
        SecurityMiddleware.with({
          hstsSeconds: 60,
          hstsIncludeSubdomains: true,
          hstsPreload: true,
          sslRedirect: true,
          referrerPolicy: null,
        }),
      ),
    ],
    [
      'security.E023',
      replacing(
        0,
        SecurityMiddleware.with({
          hstsSeconds: 60,
          hstsIncludeSubdomains: true,
          hstsPreload: true,
          sslRedirect: true,
          referrerPolicy: 'same-origin, sometimes',
        }),
      ),
    ],
    ['security.W009', { ...production(), secretKey: 'django-insecure-' + 'k3y'.repeat(20) }],
    ['security.W012', { ...production(), sessionCookieSecure: false }],
    ['security.W015', { ...production(), sessionCookieHttpOnly: false }],
    ['security.W016', replacing(2, CsrfViewMiddleware)],
    ['security.W018', { ...production(), debug: true }],
    ['security.W019', replacing(3, XFrameOptionsMiddleware.with({ xFrameOptions: 'sameorigin' }))],
    ['security.W020', { ...production(), allowedHosts: [] }],
    [
      'server.W004',
      { ...production(), secureProxySslHeader: ['HTTP_X_FORWARDED_PROTO', 'https'] as const },
    ],
  ] as const)('warns %s', (id, settings) => {
    expect(ids(settings as Settings)).toEqual([id]);
  });

  it('accepts the proxy settings once trustedProxies names the balancers', () => {
    const settings: Settings = {
      ...production(),
      secureProxySslHeader: ['HTTP_X_FORWARDED_PROTO', 'https'],
      useXForwardedHost: true,
      trustedProxies: ['10.0.0.0/8'],
    };
    expect(ids(settings)).toEqual([]);
  });

  it("flags weak secret keys exactly as Django 3.2's W009 (recorded vectors)", () => {
    for (const vector of vectors) {
      expect(isWeakSecretKey(vector.key === '' ? null : vector.key), vector.key).toBe(vector.w009);
    }
    expect(isWeakSecretKey(new Uint8Array(50).map((_, index) => index))).toBe(false);
  });

  it('prints the warnings with reins setting names and a hint', () => {
    const [message] = runDeployChecks(createApp({ ...production(), secretKey: 'short' }));
    expect(message).toMatchObject({ id: 'security.W009', level: 'warning', pattern: 'secretKey' });
    expect(message!.message).toMatch(/Your 'secretKey' has less than 50 characters/);
    expect(message!.hint).toMatch(/randomBytes\(50\)/);
  });
});
