import { describe, expect, it } from 'vitest';
import { HttpRequest } from './http-request.js';
import { getCurrentRequest, runWithRequest } from './request-context.js';

describe('request context', () => {
  it('exposes the request inside runWithRequest, across awaits, and nothing outside', async () => {
    const request = new HttpRequest({ url: '/a/' });
    expect(getCurrentRequest()).toBeUndefined();
    const seen = await runWithRequest(request, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return getCurrentRequest();
    });
    expect(seen).toBe(request);
    expect(getCurrentRequest()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const a = new HttpRequest({ url: '/a/' });
    const b = new HttpRequest({ url: '/b/' });
    const paths = await Promise.all(
      [a, b].map((request) =>
        runWithRequest(request, async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          return getCurrentRequest()?.pathInfo;
        }),
      ),
    );
    expect(paths).toEqual(['/a/', '/b/']);
  });
});
