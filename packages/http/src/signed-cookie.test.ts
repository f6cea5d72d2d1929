import { ImproperlyConfigured } from '@reins/core';
import { BadSignature, SignatureExpired } from '@reins/core/signing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpRequest } from './http-request.js';
import { HttpResponse } from './http-response.js';
import { runSyncWithRequest } from './request-context.js';
import type { RequestOptions } from './request-options.js';
import { KeyError } from './signed-cookie.js';

const KEY = 'django-insecure-test';

/** The request a browser sends back with the cookies `response` set. */
function echo(response: HttpResponse, options: RequestOptions = { secretKey: KEY }): HttpRequest {
  const cookie = [...response.cookies.values()].map(
    (c) =>
      `${c.name}=${String(c)
        .split(';')[0]!
        .slice(c.name.length + 1)}`,
  );
  return new HttpRequest({ headers: { cookie: cookie.join('; ') }, options });
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('signed cookies', () => {
  it("sign with the current request's secretKey and read back through the Cookie header", () => {
    const request = new HttpRequest({ options: { secretKey: KEY } });
    const response = new HttpResponse();
    runSyncWithRequest(request, () =>
      response.setSignedCookie('theme', 'dark; bold', { salt: 'prefs', httpOnly: true }),
    );
    expect(String(response.cookies.get('theme'))).toMatch(
      /^theme="dark\\073 bold:\w+:[\w-]+"; HttpOnly; Path=\/$/,
    );
    expect(echo(response).getSignedCookie('theme', { salt: 'prefs' })).toBe('dark; bold');
    expect(() => echo(response).getSignedCookie('theme')).toThrow(BadSignature);
  });

  it('take an explicit secretKey outside any request', () => {
    const response = new HttpResponse();
    response.setSignedCookie('a', 'b', { secretKey: KEY });
    expect(echo(response).getSignedCookie('a')).toBe('b');
    expect(echo(response, { secretKey: 'other' }).getSignedCookie('a', { secretKey: KEY })).toBe(
      'b',
    );
  });

  it('fail with ImproperlyConfigured naming secretKey when there is no key', () => {
    const setError = caught(() => new HttpResponse().setSignedCookie('a', 'b'));
    expect(ImproperlyConfigured.isInstance(setError)).toBe(true);
    expect((setError as ImproperlyConfigured).setting).toBe('secretKey');
    const request = new HttpRequest({ headers: { cookie: 'a=b:c:d' } });
    const getError = caught(() => request.getSignedCookie('a', { default: null }));
    expect(ImproperlyConfigured.isInstance(getError)).toBe(true);
    expect((getError as Error).message).toContain("'secretKey'");
  });

  it('are still read after a key rotation through secretKeyFallbacks', () => {
    const response = new HttpResponse();
    response.setSignedCookie('a', 'b', { secretKey: 'old' });
    expect(
      echo(response, { secretKey: 'new', secretKeyFallbacks: ['old'] }).getSignedCookie('a'),
    ).toBe('b');
    expect(() => echo(response, { secretKey: 'new' }).getSignedCookie('a')).toThrow(BadSignature);
  });

  it('give the default, when one is given, for a missing, tampered or expired cookie', () => {
    const response = new HttpResponse();
    response.setSignedCookie('a', 'b', { secretKey: KEY });
    vi.setSystemTime(Date.now() + 61_000);
    const request = echo(response);
    expect(() => request.getSignedCookie('a', { maxAge: 60 })).toThrow(SignatureExpired);
    expect(request.getSignedCookie('a', { maxAge: 60, default: undefined })).toBeUndefined();
    expect(request.getSignedCookie('a', { maxAge: 61 })).toBe('b');
    const missing = caught(() => request.getSignedCookie('nope'));
    expect(KeyError.isInstance(missing)).toBe(true);
    expect((missing as KeyError).key).toBe('nope');
    expect(request.getSignedCookie('nope', { default: 0 })).toBe(0);
    request.COOKIES = { a: request.COOKIES['a'] + 'x' };
    expect(request.getSignedCookie('a', { default: 'fallback' })).toBe('fallback');
  });
});
