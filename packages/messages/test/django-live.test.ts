/**
 * A live round trip with real Django 3.2 (/usr/bin/python3 running django/live.py): cookies reins
 * writes are read by Django, cookies Django writes are read by reins, for random messages. Under
 * CI=true a missing Django fails; locally the test is skipped, saying why.
 */
import { Buffer } from 'node:buffer';
import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { isSafe, markSafe } from '@reins/core';
import { HttpRequest, HttpResponse } from '@reins/http';
import { Session, SignedCookieStore } from '@reins/sessions';
import { djangoVersion, missingDjango, PYTHON, runDjangoScript } from '@reins/test-servers/django';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CookieStorage } from '../src/cookie-storage.js';
import { Message } from '../src/message.js';
import { SessionStorage } from '../src/session-storage.js';
import { defaultStorageConfig } from '../src/storage-config.js';

function inflated(cookie: string): string {
  const data = cookie.split(':')[0]!;
  const bytes = Buffer.from(data.replace(/^\./, ''), 'base64url');
  return (data.startsWith('.') ? inflateSync(bytes) : bytes).toString('latin1');
}
const SCRIPT = fileURLToPath(new URL('django/live.py', import.meta.url));
const missing = missingDjango() !== undefined;

type Spec = [level: number, text: string, extraTags: string | null, safe: boolean];

function django(requests: object[]): unknown[] {
  return runDjangoScript(SCRIPT, [], { input: requests }) as unknown[];
}

const secretKey = 'live-round-trip-key ✓';
const now = 1_750_000_000;
const config = { ...defaultStorageConfig, secretKey };

function request(cookie?: string): HttpRequest {
  const req = new HttpRequest({
    url: '/',
    headers: cookie ? { cookie: `messages=${cookie}` } : {},
  });
  const store = new SignedCookieStore({ secretKey, maxAge: 60 });
  req.session = new Session(null, { store, cookieAge: 60, expireAtBrowserClose: false });
  return req;
}

const make = ([level, text, extraTags, safe]: Spec): Message =>
  new Message(level, safe ? markSafe(text) : text, { extraTags });
const show = (m: Message): Spec => [m.level, String(m.message), m.extraTags, isSafe(m.message)];

const spec: fc.Arbitrary<Spec> = fc.tuple(
  fc.integer({ min: 0, max: 100 }),
  fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }),
  fc.oneof(fc.constant(null), fc.string({ minLength: 1, maxLength: 10, unit: 'grapheme' })),
  fc.boolean(),
);

// Skipped (locally only) when /usr/bin/python3 has no Django 3.2: there is nothing to talk to.
describe.skipIf(missing)(
  missing
    ? `live round trip with Django (skipped: no Django 3.2 for ${PYTHON})`
    : `live round trip with Django ${djangoVersion()}`,
  () => {
    const lists = fc.sample(fc.array(spec, { minLength: 1, maxLength: 8 }), {
      numRuns: 60,
      seed: 42,
    });

    beforeAll(() => {
      vi.useFakeTimers({ toFake: ['Date'], now: now * 1000 });
    });
    afterAll(() => {
      vi.useRealTimers();
    });

    it('writes the cookies Django writes, and each reads the other', () => {
      const ours = lists.map((list) =>
        new CookieStorage(request(), config)._encode(list.map(make))!,
      );
      const answers = django([
        ...lists.map((messages) => ({ op: 'encode', secretKey, now, messages })),
        ...ours.map((cookie) => ({ op: 'decode', secretKey, cookie })),
      ]) as ({ cookie: string } | { messages: Spec[] | null; allRetrieved: boolean })[];
      lists.forEach((list, index) => {
        const theirs = (answers[index] as { cookie: string }).cookie;
        // The same JSON and timestamp; the deflate stream may differ (node:zlib), Django reads ours below.
        expect(inflated(ours[index]!)).toBe(inflated(theirs));
        expect(ours[index]!.split(':')[1]).toBe(theirs.split(':')[1]);
        const [read] = new CookieStorage(request(theirs), config)._get();
        expect(read!.map(show)).toEqual(list.map(make).map(show));
        expect(answers[lists.length + index]).toEqual({
          messages: list.map(make).map(show),
          allRetrieved: true,
        });
      });
    });

    it('writes the session entry Django writes', () => {
      const answers = django(lists.map((messages) => ({ op: 'session', messages }))) as {
        value: string;
      }[];
      lists.forEach((list, index) => {
        const req = request();
        new SessionStorage(req, config)._store(list.map(make), new HttpResponse());
        expect(req.session.get('_messages')).toBe(answers[index]!.value);
      });
    });
  },
);
