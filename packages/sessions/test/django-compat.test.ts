// Django 3.2 and reins read each other's sessions: the signed-cookie backend's cookies and
// SessionBase.encode()'s session_data (the db/cache backends). Recorded by test/django/record.py;
// the other direction runs that script on values reins wrote.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { missingDjango, runDjangoScript } from '@reins/test-servers/django';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeSessionData, encodeSessionData } from '../src/session-data-codec.js';
import type { SessionData } from '../src/session-store.js';
import { SignedCookieStore } from '../src/signed-cookie-store.js';

interface Fixture {
  secretKey: string;
  time: number;
  cookies: { data: SessionData; cookie: string }[];
  encoded: { data: SessionData; text: string }[];
  legacy: { data: SessionData; text: string }[];
  tampered: string[];
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/django-sessions.json', import.meta.url), 'utf8'),
) as Fixture;
const { secretKey } = fixture;
const SCRIPT = fileURLToPath(new URL('./django/record.py', import.meta.url));
const FOREVER = 100 * 365 * 86_400;

const missing = missingDjango();
if (missing !== undefined) console.warn(`skipped: ${missing}`);

interface Decoded {
  cookies: unknown[];
  loaded: unknown[];
  encoded: unknown[];
}

/** Django's reading of values reins wrote (test/django/record.py decode). */
function djangoDecode(values: { cookies?: string[]; encoded?: string[] }): Decoded {
  return runDjangoScript(SCRIPT, ['decode'], { input: values }) as Decoded;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('reins reads what Django 3.2 wrote', () => {
  it('reads signed-cookie session cookies', () => {
    const store = new SignedCookieStore({ secretKey, maxAge: FOREVER });
    for (const { data, cookie } of fixture.cookies) expect(store.load(cookie)).toEqual(data);
  });

  it("refuses them once older than the store's maxAge (sessionCookieAge), as Django does", () => {
    const store = new SignedCookieStore({ secretKey, maxAge: 1_209_600 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime((fixture.time + 1_209_600 - 1) * 1000);
    expect(store.load(fixture.cookies[1]!.cookie)).toEqual({ visits: 1 });
    vi.setSystemTime((fixture.time + 1_209_600 + 1) * 1000);
    expect(store.load(fixture.cookies[1]!.cookie)).toBeNull();
  });

  it('refuses them under another secret key, and accepts the old key as a fallback', () => {
    const rotated = new SignedCookieStore({ secretKey: 'a new key', maxAge: FOREVER });
    expect(rotated.load(fixture.cookies[1]!.cookie)).toBeNull();
    const withFallback = new SignedCookieStore({
      secretKey: 'a new key',
      fallbackKeys: [secretKey],
      maxAge: FOREVER,
    });
    expect(withFallback.load(fixture.cookies[1]!.cookie)).toEqual({ visits: 1 });
  });

  it('decodes session_data of both formats (3.1+ signed, pre-3.1 legacy)', () => {
    for (const { data, text } of fixture.encoded)
      expect(decodeSessionData(text, secretKey)).toEqual(data);
    for (const { data, text } of fixture.legacy)
      expect(decodeSessionData(text, secretKey)).toEqual(data);
  });

  it('decodes tampered or foreign session_data as an empty session', () => {
    for (const text of fixture.tampered) expect(decodeSessionData(text, secretKey)).toEqual({});
    expect(decodeSessionData(fixture.encoded[1]!.text, 'another key')).toEqual({});
    expect(decodeSessionData(fixture.legacy[1]!.text, 'another key')).toEqual({});
    expect(
      decodeSessionData(fixture.encoded[1]!.text, 'another key', { fallbackKeys: [secretKey] }),
    ).toEqual({ visits: 1 });
  });
});

describe('reins writes what Django 3.2 writes', () => {
  it('signs the same uncompressed cookies and session_data at the same moment, byte for byte', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(fixture.time * 1000);
    const store = new SignedCookieStore({ secretKey, maxAge: FOREVER });
    for (const { data, cookie } of fixture.cookies) {
      const ours = store.save(null, data);
      // Node's zlib (Chromium's fork, 1.3.x) may deflate the same bytes differently from
      // Python's zlib 1.2.x; both inflate either, so compressed values are compared by content.
      if (cookie.startsWith('.')) expect(store.load(ours)).toEqual(data);
      else expect(ours).toBe(cookie);
    }
    for (const { data, text } of fixture.encoded) {
      const ours = encodeSessionData(data, secretKey);
      if (text.startsWith('.')) expect(decodeSessionData(ours, secretKey)).toEqual(data);
      else expect(ours).toBe(text);
    }
  });
});

describe.skipIf(missing !== undefined)('Django 3.2 reads what reins wrote', () => {
  it('reads cookies and session_data written now, through its own backends', () => {
    const store = new SignedCookieStore({ secretKey, maxAge: 1_209_600 });
    const data: SessionData[] = [
      ...fixture.cookies.map((entry) => entry.data),
      { __proto__: 'a key, not a prototype', é: [1.5, -0, 1e-7], empty: '' },
    ];
    const written = {
      cookies: data.map((entry) => store.save(null, entry)),
      encoded: data.map((entry) => encodeSessionData(entry, secretKey)),
    };
    const read = djangoDecode(written);
    const expected = JSON.parse(JSON.stringify(data)) as unknown;
    expect(read.cookies).toEqual(expected);
    expect(read.loaded).toEqual(expected);
    expect(read.encoded).toEqual(expected);
  });
});
