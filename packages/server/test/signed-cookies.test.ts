/**
 * Signed cookies through the whole app: the `secretKey` setting reaches every request, so a
 * view's `setSignedCookie()` and a later request's `getSignedCookie()` need no key passed around.
 */
import { HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { path } from '@reins/urls';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { Client } from '../src/testing/index.js';
import type { Middleware } from '@reins/middleware';
import { recordingLogger } from './helpers.js';

const urlpatterns = [
  path('set/', () => {
    const response = new HttpResponse('set');
    response.setSignedCookie('theme', 'dark', { salt: 'prefs' });
    return response;
  }),
  path('get/', (request: HttpRequest) => {
    return new HttpResponse(
      String(request.getSignedCookie('theme', { salt: 'prefs', default: 'none' })),
    );
  }),
];

function app(settings: { secretKey?: string; secretKeyFallbacks?: string[] }) {
  return createApp({
    rootUrlconf: urlpatterns,
    allowedHosts: ['testserver'],
    logger: recordingLogger(),
    ...settings,
  });
}

describe('signed cookies with the secretKey setting', () => {
  it('are set by one view and read by another', async () => {
    const client = new Client(app({ secretKey: 'django-insecure-one' }));
    await client.get('/set/');
    expect((await client.get('/get/')).text()).toBe('dark');
  });

  it('survive a key rotation through secretKeyFallbacks, and not without it', async () => {
    const before = new Client(app({ secretKey: 'old-key' }));
    await before.get('/set/');
    const cookie = before.cookies.get('theme')!;
    const rotated = new Client(app({ secretKey: 'new-key', secretKeyFallbacks: ['old-key'] }));
    rotated.cookies.set('theme', cookie);
    expect((await rotated.get('/get/')).text()).toBe('dark');
    const forgotten = new Client(app({ secretKey: 'new-key' }));
    forgotten.cookies.set('theme', cookie);
    expect((await forgotten.get('/get/')).text()).toBe('none');
  });

  it('fail with ImproperlyConfigured naming secretKey when it is not set', async () => {
    const client = new Client(
      createApp({
        rootUrlconf: urlpatterns,
        allowedHosts: ['testserver'],
        logger: recordingLogger(),
      }),
    );
    // The test client re-raises a view's exception, as Django's does.
    await expect(client.get('/set/')).rejects.toThrow(/set the 'secretKey' setting/);
  });

  it('reach middleware factories at start-up, so a signing middleware can refuse to start', () => {
    const needsKey: Middleware = (next, settings) => {
      if (settings?.['secretKey'] === null) {
        throw new Error("The session middleware needs the 'secretKey' setting.");
      }
      return next;
    };
    const build = (secretKey?: string) =>
      createApp({
        rootUrlconf: urlpatterns,
        middleware: [needsKey],
        logger: recordingLogger(),
        ...(secretKey === undefined ? {} : { secretKey }),
      });
    expect(() => build()).toThrow(/needs the 'secretKey' setting/);
    expect(() => build('k')).not.toThrow();
  });
});
