import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BadSignature } from './bad-signature.js';
import { SignatureExpired } from './signature-expired.js';
import { Signer } from './signer.js';
import { TimestampSigner } from './timestamp-signer.js';

const T0 = Date.UTC(2023, 10, 14, 22, 13, 20); // 1700000000 s, base62 '1r31eq'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TimestampSigner', () => {
  const signer = new TimestampSigner({ key: 'secret', salt: 'salt' });

  it('writes the time in base62 seconds between value and signature', () => {
    expect(signer.timestamp()).toBe('1r31eq');
    expect(signer.sign('hello')).toMatch(/^hello:1r31eq:[\w-]{43}$/);
  });

  it('accepts a value within maxAge, in seconds or as { seconds }', () => {
    const token = signer.sign('hello');
    vi.setSystemTime(T0 + 10_000);
    expect(signer.unsign(token, { maxAge: 10 })).toBe('hello');
    expect(signer.unsign(token, { maxAge: { seconds: 10 } })).toBe('hello');
    expect(signer.unsign(token)).toBe('hello');
  });

  it("refuses an older one with SignatureExpired and Django's message", () => {
    const token = signer.sign('hello');
    vi.setSystemTime(T0 + 10_500);
    expect(() => signer.unsign(token, { maxAge: 10 })).toThrow(
      new SignatureExpired('Signature age 10.5 > 10 seconds'),
    );
    expect(() => signer.unsign(token, { maxAge: { seconds: 10 } })).toThrow(
      'Signature age 10.5 > 10.0 seconds',
    );
    expect(() => signer.unsign(token, { maxAge: 10 })).toThrow(BadSignature);
  });

  it('calls a value signed without a timestamp a BadSignature', () => {
    const plain = new Signer({ key: 'secret', salt: 'salt' }).sign('hello');
    expect(() => signer.unsign(plain)).toThrow(/No timestamp found/);
    expect(() => signer.unsign(plain)).toThrow(BadSignature);
  });

  it('checks the age of signed objects too', () => {
    const token = signer.signObject({ a: 1 });
    vi.setSystemTime(T0 + 61_000);
    expect(() => signer.unsignObject(token, { maxAge: 60 })).toThrow(SignatureExpired);
    expect(signer.unsignObject(token, { maxAge: 61 })).toEqual({ a: 1 });
  });
});
