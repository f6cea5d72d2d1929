/**
 * Replays Django 3.2.25's `set_signed_cookie()` and `get_signed_cookie()` answers, recorded by
 * `packages/core/test/signing/record_vectors.py` with a fixed clock.
 */
import { readFileSync } from 'node:fs';
import { BadSignature, SignatureExpired } from '@reins/core/signing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpRequest, HttpResponse, KeyError, runSyncWithRequest } from '../src/index.js';

interface Vectors {
  django: string;
  setSignedCookie: Array<{
    secretKey: string;
    name: string;
    value: string;
    salt: string;
    now: number;
    cookieValue: string;
    header: string;
  }>;
  getSignedCookie: Array<{
    secretKey: string;
    cookies: Record<string, string>;
    name: string;
    salt: string;
    maxAge: number | null;
    now: number;
    default?: unknown;
    result?: unknown;
    error?: { type: string; message: string };
  }>;
}

const vectors = JSON.parse(
  readFileSync(new URL('./fixtures/django-signed-cookies.json', import.meta.url), 'utf8'),
) as Vectors;

function errorType(error: unknown): string {
  if (SignatureExpired.isInstance(error)) return 'SignatureExpired';
  if (BadSignature.isInstance(error)) return 'BadSignature';
  if (KeyError.isInstance(error)) return 'KeyError';
  throw error;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe(`setSignedCookie, as Django ${vectors.django} sets it`, () => {
  it.each(vectors.setSignedCookie.map((v) => [`${v.name}=${v.value} salt=${v.salt}`, v] as const))(
    '%s',
    (_, v) => {
      vi.setSystemTime(v.now * 1000);
      const request = new HttpRequest({ options: { secretKey: v.secretKey } });
      const response = new HttpResponse();
      runSyncWithRequest(request, () =>
        response.setSignedCookie(v.name, v.value, { salt: v.salt }),
      );
      const cookie = response.cookies.get(v.name)!;
      expect(cookie.value).toBe(v.cookieValue);
      expect(String(cookie)).toBe(v.header);
    },
  );
});

describe('getSignedCookie', () => {
  it.each(vectors.getSignedCookie.map((v, index) => [index, v] as const))('#%i', (_, v) => {
    vi.setSystemTime(v.now * 1000);
    const request = new HttpRequest({ options: { secretKey: v.secretKey } });
    request.COOKIES = v.cookies;
    const options = {
      salt: v.salt,
      maxAge: v.maxAge,
      ...('default' in v ? { default: v.default } : {}),
    };
    let outcome: { result?: unknown; error?: string };
    try {
      outcome = { result: request.getSignedCookie(v.name, options) };
    } catch (error) {
      outcome = { error: errorType(error) };
    }
    expect(outcome).toEqual(v.error === undefined ? { result: v.result } : { error: v.error.type });
  });
});
