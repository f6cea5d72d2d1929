import { describe, expect, it } from 'vitest';
import { HttpRequest } from './http-request.js';
import {
  getCurrentRequest,
  runSyncWithRequest,
  runWithRequest,
  runWithRequestUntilSettled,
} from './request-context.js';

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

describe('runSyncWithRequest', () => {
  it('makes the request current during the synchronous call only, and restores the outer one', () => {
    const outer = new HttpRequest({ url: '/outer/' });
    const inner = new HttpRequest({ url: '/inner/' });
    const seen = runSyncWithRequest(outer, () => {
      const nested = runSyncWithRequest(inner, () => getCurrentRequest());
      return [nested, getCurrentRequest()];
    });
    expect(seen).toEqual([inner, outer]);
    expect(getCurrentRequest()).toBeUndefined();
  });

  it('restores the outer request when the call throws', () => {
    const request = new HttpRequest({ url: '/a/' });
    expect(() =>
      runSyncWithRequest(request, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(getCurrentRequest()).toBeUndefined();
  });

  it('is overridden by a runWithRequest() inside it', () => {
    const outer = new HttpRequest({ url: '/outer/' });
    const inner = new HttpRequest({ url: '/inner/' });
    const seen = runSyncWithRequest(outer, () => runWithRequest(inner, () => getCurrentRequest()));
    expect(seen).toBe(inner);
  });
});

describe('runWithRequestUntilSettled', () => {
  it('follows awaits until the promise settles, concurrently and apart', async () => {
    const a = new HttpRequest({ url: '/a/' });
    const b = new HttpRequest({ url: '/b/' });
    const paths = await Promise.all(
      [a, b].map((request) =>
        runWithRequestUntilSettled(request, async () => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          const first = getCurrentRequest()?.pathInfo;
          await Promise.resolve();
          return [first, getCurrentRequest()?.pathInfo];
        }),
      ),
    );
    expect(paths).toEqual([
      ['/a/', '/a/'],
      ['/b/', '/b/'],
    ]);
    expect(getCurrentRequest()).toBeUndefined();
  });

  it('passes a rejection through to the caller', async () => {
    const request = new HttpRequest({ url: '/a/' });
    await expect(
      runWithRequestUntilSettled(request, async () => {
        await Promise.resolve();
        throw new Error('view failed');
      }),
    ).rejects.toThrow('view failed');
  });

  it('keeps a request current while another one settles before it', async () => {
    const slow = new HttpRequest({ url: '/slow/' });
    const fast = new HttpRequest({ url: '/fast/' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowSeen = runWithRequestUntilSettled(slow, async () => {
      await gate;
      return getCurrentRequest()?.pathInfo;
    });
    await runWithRequestUntilSettled(fast, async () => {
      await Promise.resolve();
    });
    release();
    expect(await slowSeen).toBe('/slow/');
  });
});
