// Its own file (its own module state): nothing here may call runWithRequest(), which keeps the
// AsyncLocalStorage on for good.
import { describe, expect, it } from 'vitest';
import { HttpRequest } from './http-request.js';
import { getCurrentRequest, runWithRequestUntilSettled } from './request-context.js';

describe('runWithRequestUntilSettled, once every scope has settled', () => {
  it('no longer makes the request current for work left running', async () => {
    const request = new HttpRequest({ url: '/a/' });
    let late: Promise<HttpRequest | undefined> | undefined;
    const during = await runWithRequestUntilSettled(request, async () => {
      late = new Promise((resolve) => setTimeout(() => resolve(getCurrentRequest()), 20));
      await Promise.resolve();
      return getCurrentRequest();
    });
    expect(during).toBe(request);
    expect(await late).toBeUndefined();
  });

  it('switches the context back on for the next scope', async () => {
    const request = new HttpRequest({ url: '/b/' });
    const seen = await runWithRequestUntilSettled(request, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return getCurrentRequest();
    });
    expect(seen).toBe(request);
  });

  it('stays on while an earlier scope is still pending', async () => {
    const first = new HttpRequest({ url: '/first/' });
    const second = new HttpRequest({ url: '/second/' });
    let late: Promise<HttpRequest | undefined> | undefined;
    const pending = runWithRequestUntilSettled(first, async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return getCurrentRequest();
    });
    await runWithRequestUntilSettled(second, async () => {
      late = new Promise((resolve) => setTimeout(() => resolve(getCurrentRequest()), 10));
      await Promise.resolve();
    });
    expect(await late).toBe(second);
    expect(await pending).toBe(first);
  });
});
