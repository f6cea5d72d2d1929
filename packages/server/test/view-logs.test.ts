import { HttpResponse } from '@reins/http';
import { path } from '@reins/urls';
import { RedirectView, requireHttpMethods, View } from '@reins/views';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { makeRequest, recordingLogger } from './helpers.js';

class OnlyGet extends View {
  override get(): HttpResponse {
    return new HttpResponse('ok');
  }
}

function appWithLogger() {
  const logger = recordingLogger();
  const app = createApp({
    rootUrlconf: [
      path('thing/', OnlyGet.asView()),
      path('gone/', RedirectView.asView({ url: null })),
      path(
        'get-only/',
        requireHttpMethods(['GET'])(() => new HttpResponse('ok')),
      ),
    ],
    allowedHosts: ['testserver'],
    logger,
  });
  return { app, logger };
}

describe("the views' Django warnings reach the app's logger", () => {
  it('logs Method Not Allowed with the method and path, as Django does', async () => {
    const { app, logger } = appWithLogger();
    const response = await app.handle(makeRequest('/thing/', { method: 'POST' }));
    expect(response.status).toBe(405);
    expect(logger.records).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        logger: 'reins.request',
        message: 'Method Not Allowed (POST): /thing/',
        status: 405,
      }),
    );
  });

  it('logs Gone for a RedirectView without a target', async () => {
    const { app, logger } = appWithLogger();
    const response = await app.handle(makeRequest('/gone/'));
    expect(response.status).toBe(410);
    expect(logger.records.map((record) => record.message)).toContain('Gone: /gone/');
  });

  it("logs each of those once, not again as the handler's own 4xx line (Django #_has_been_logged)", async () => {
    const { app, logger } = appWithLogger();
    await app.handle(makeRequest('/thing/', { method: 'POST' }));
    await app.handle(makeRequest('/get-only/', { method: 'DELETE' }));
    await app.handle(makeRequest('/gone/'));
    expect(logger.records.map((record) => record.message)).toEqual([
      'Method Not Allowed (POST): /thing/',
      'Method Not Allowed (DELETE): /get-only/',
      'Gone: /gone/',
    ]);
  });

  it('sends each record only to the app that served the request', async () => {
    const first = appWithLogger();
    const second = appWithLogger();
    await first.app.handle(makeRequest('/thing/', { method: 'PUT' }));
    expect(
      first.logger.records.some((r) => r.message === 'Method Not Allowed (PUT): /thing/'),
    ).toBe(true);
    expect(second.logger.records).toEqual([]);
  });
});
