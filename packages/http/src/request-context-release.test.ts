// Its own file (its own module state): nothing here may call runWithRequest(), which keeps the
// AsyncLocalStorage on for good.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpRequest } from './http-request.js';
import { getCurrentRequest, runWithRequestUntilSettled } from './request-context.js';

afterEach(() => {
  vi.useRealTimers();
});

/** Runs a scope that leaves work behind: the returned `late` resolves when `go()` is called. */
async function scopeLeavingWork(request: HttpRequest) {
  let go!: () => void;
  const gate = new Promise<void>((resolve) => (go = resolve));
  let late!: Promise<HttpRequest | undefined>;
  const during = await runWithRequestUntilSettled(request, async () => {
    late = gate.then(() => getCurrentRequest());
    await Promise.resolve();
    return getCurrentRequest();
  });
  return { during, late, go };
}

describe('runWithRequestUntilSettled, once every scope has settled', () => {
  it('keeps the context on for a quiet second, then no longer makes the request current', async () => {
    vi.useFakeTimers();
    const first = await scopeLeavingWork(new HttpRequest({ url: '/a/' }));
    expect(first.during?.pathInfo).toBe('/a/');
    vi.advanceTimersByTime(500);
    first.go();
    expect((await first.late)?.pathInfo).toBe('/a/');

    const second = await scopeLeavingWork(new HttpRequest({ url: '/b/' }));
    vi.advanceTimersByTime(1500);
    second.go();
    expect(await second.late).toBeUndefined();
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
