/**
 * The demo's deployment variables (docs/deploy.md): the instance header, the balancers in
 * TRUSTED_PROXIES, the session store choice, and the health endpoints a balancer probes.
 */
import { DatabaseSessionStore } from '@reins/sessions';
import { describe, expect, it } from 'vitest';
import { createGreetingsApp } from '../src/app.js';
import { settingsFromEnv } from '../src/settings.js';

const KEY = { REINS_SECRET_KEY: 'deployment-env-test-secret-key-'.repeat(2) };

describe('deployment environment', () => {
  it('names the instance in X-Reins-Instance and serves the health endpoints', async () => {
    const app = createGreetingsApp({ ...KEY, REINS_INSTANCE: 'web-2' });
    const live = await app.fetch(new Request('http://localhost/-/live/'));
    expect(live.status).toBe(200);
    expect(live.headers.get('x-reins-instance')).toBe('web-2');
    const ready = await app.fetch(new Request('http://localhost/-/ready/'));
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      checks: { 'database:default': 'ok' },
    });
  });

  it('trusts the X-Forwarded-* headers of TRUSTED_PROXIES only', () => {
    const settings = settingsFromEnv({ ...KEY, TRUSTED_PROXIES: '10.0.0.2, 10.0.1.0/24' });
    expect(settings.trustedProxies).toEqual(['10.0.0.2', '10.0.1.0/24']);
    expect(settings.secureProxySslHeader).toEqual(['HTTP_X_FORWARDED_PROTO', 'https']);
    expect(settingsFromEnv(KEY).trustedProxies).toBeUndefined();
  });

  it('chooses the session store from SESSION_STORE, and says what it accepts', () => {
    expect(settingsFromEnv({ ...KEY, SESSION_STORE: 'database' }).sessionStore).toBeInstanceOf(
      DatabaseSessionStore,
    );
    expect(settingsFromEnv(KEY).sessionStore).toBeUndefined();
    expect(() => settingsFromEnv({ ...KEY, SESSION_STORE: 'redis' })).toThrow(/needs REDIS_URL/);
    expect(() => settingsFromEnv({ ...KEY, SESSION_STORE: 'files' })).toThrow(
      /'database', 'redis' or 'cookie', got 'files'/,
    );
  });
});
