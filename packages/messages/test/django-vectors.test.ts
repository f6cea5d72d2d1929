/**
 * Django 3.2's answers (fixtures/django-messages.json, recorded by django/record.py with
 * /usr/bin/python3) replayed: the cookie Django writes is the cookie reins writes (byte for byte
 * near the size limit; elsewhere the same JSON, maybe deflated to other bytes), and every cookie
 * Django reads reins reads the same way.
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { isSafe, markSafe } from '@reins/core';
import { HttpRequest, HttpResponse } from '@reins/http';
import { SignedCookieStore, Session } from '@reins/sessions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CookieStorage } from '../src/cookie-storage.js';
import { FallbackStorage } from '../src/fallback-storage.js';
import { Message } from '../src/message.js';
import { SessionStorage } from '../src/session-storage.js';
import { defaultStorageConfig, type MessageStorageConfig } from '../src/storage-config.js';
import { INFO } from '../src/constants.js';

type Spec = [level: number, text: string, extraTags: string | null, safe: boolean];
interface Vectors {
  django: string;
  secretKey: string;
  now: number;
  maxCookieSize: number;
  encode: { name: string; messages: Spec[]; notFinished?: boolean; cookie: string }[];
  decode: {
    name: string;
    cookie: string;
    messages: [number, string, string | null, boolean, string][] | null;
    allRetrieved: boolean;
    used: boolean;
  }[];
  store: {
    count: number;
    size?: number;
    noise?: boolean;
    removeOldest: boolean;
    cookie: string | null;
    unstored: string[];
  }[];
  setCookieHeader: string;
  deleteCookieHeader: string;
  session: { name: string; messages: Spec[]; value: string }[];
  fallback: {
    count: number;
    size: number;
    cookie: string | null;
    session: string | null;
    unstored: number;
  }[];
  fallbackReadBack: string[];
  tags: { level: number; extraTags: string | null; tags: string; levelTag: string }[];
}

const vectors = JSON.parse(
  readFileSync(new URL('fixtures/django-messages.json', import.meta.url), 'utf8'),
) as Vectors;
const config: MessageStorageConfig = { ...defaultStorageConfig, secretKey: vectors.secretKey };
const NOT_FINISHED = '__messagesnotfinished__';

// The same noise as record.py: sha256 hex digests of '0', '1', …
const { createHash } = await import('node:crypto');
const NOISE = Array.from({ length: 400 }, (_, i) =>
  createHash('sha256').update(String(i)).digest('hex'),
).join('');
const noise = (index: number, size: number): string =>
  String(index).padStart(2, '0') + '-' + NOISE.slice(index * 97, index * 97 + size);

function request(cookie?: string | null, session?: Record<string, unknown>): HttpRequest {
  const req = new HttpRequest({
    url: '/',
    headers: cookie ? { cookie: `messages=${cookie}` } : {},
  });
  const store = new SignedCookieStore({ secretKey: vectors.secretKey, maxAge: 60 });
  req.session = new Session(null, { store, cookieAge: 60, expireAtBrowserClose: false });
  for (const [key, value] of Object.entries(session ?? {})) req.session.set(key, value);
  return req;
}

function make([level, text, extraTags, safe]: Spec): Message {
  return new Message(level, safe ? markSafe(text) : text, { extraTags });
}

// What reading a stored message gives: Django writes no empty extra tags, so they come back None.
function readBack([level, text, extraTags, safe]: Spec): ReturnType<typeof describeMessage> {
  return describeMessage(make([level, text, extraTags || null, safe]));
}

function describeMessage(message: Message): [number, string, string | null, boolean, string] {
  return [
    message.level,
    String(message.message),
    message.extraTags,
    isSafe(message.message),
    message.tags,
  ];
}

/** The JSON inside a cookie value, inflated when compressed. */
function payload(cookie: string): string {
  const data = cookie.split(':')[0]!;
  const bytes = Buffer.from(data.replace(/^\./, ''), 'base64url');
  return (data.startsWith('.') ? inflateSync(bytes) : bytes).toString('latin1');
}

/**
 * The cookie Django wrote, or — compressed and well under the size limit — another deflate
 * stream of the same JSON with the same timestamp: CookieStorage deflates with node:zlib
 * (Chromium's zlib) there and Django reads either; near the limit it deflates as Python's zlib,
 * byte for byte (the store vectors below check that exactly).
 */
function expectSameCookie(ours: string | null, django: string | null): void {
  if (ours === null || django === null || ours === django || !django.startsWith('.')) {
    expect(ours).toBe(django);
    return;
  }
  expect(django.length).toBeLessThanOrEqual(2048 * 0.8 + 64);
  expect(ours.startsWith('.')).toBe(true);
  expect(payload(ours)).toBe(payload(django));
  expect(ours.split(':')[1]).toBe(django.split(':')[1]);
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: vectors.now * 1000 });
});
afterAll(() => {
  vi.useRealTimers();
});

describe(`messages cookie vectors from Django ${vectors.django}`, () => {
  it('keeps 2048 bytes as the largest cookie, as Django', () => {
    expect(new CookieStorage(request(), config).maxCookieSize).toBe(vectors.maxCookieSize);
  });

  it.each(vectors.encode)('writes the cookie Django writes: $name', (vector) => {
    const storage = new CookieStorage(request(), config);
    const messages: (Message | typeof NOT_FINISHED)[] = vector.messages.map(make);
    if (vector.notFinished) messages.push(NOT_FINISHED);
    expectSameCookie(storage._encode(messages), vector.cookie);
  });

  it.each(vectors.encode)('reads back the cookie Django wrote: $name', (vector) => {
    const [messages, allRetrieved] = new CookieStorage(request(vector.cookie), config)._get();
    expect(allRetrieved).toBe(!vector.notFinished);
    expect(messages!.map(describeMessage)).toEqual(vector.messages.map(readBack));
  });

  it.each(vectors.decode)('reads what Django 3.2 reads: $name', (vector) => {
    const storage = new CookieStorage(request(vector.cookie), config);
    const [messages, allRetrieved] = storage._get();
    expect(messages === null ? null : messages.map(describeMessage)).toEqual(vector.messages);
    expect(allRetrieved).toBe(vector.allRetrieved);
    expect(storage.used).toBe(vector.used);
  });

  it.each(vectors.store)(
    'drops what does not fit as Django: $count messages of $size, removeOldest $removeOldest',
    (vector) => {
      const storage = new CookieStorage(request(), config);
      const messages = Array.from({ length: vector.count }, (_, i) =>
        vector.noise
          ? new Message(INFO, NOISE.slice(i * 400, (i + 1) * 400))
          : new Message(INFO, noise(i, vector.size!)),
      );
      const response = new HttpResponse();
      const unstored = storage._store(messages, response, { removeOldest: vector.removeOldest });
      const cookie = response.cookies.get('messages')?.value ?? null;
      // Where the cut happens the cookie is Django's byte for byte.
      if (vector.unstored.length > 0) expect(cookie).toBe(vector.cookie);
      else expectSameCookie(cookie, vector.cookie);
      expect(unstored.map((m) => String(m.message).slice(0, vector.noise ? 8 : 2))).toEqual(
        vector.unstored,
      );
    },
  );

  it("sets and deletes the cookie with Django's attributes", () => {
    const response = new HttpResponse();
    const storage = new CookieStorage(request(), config);
    storage._store([new Message(INFO, 'hi')], response);
    const cookie = response.cookies.get('messages')!;
    expect(cookie.toString().replace(cookie.value, 'value')).toBe(vectors.setCookieHeader);
    const deleted = new HttpResponse();
    new CookieStorage(request(), config)._store([], deleted);
    expect(deleted.cookies.get('messages')!.toString()).toBe(vectors.deleteCookieHeader);
  });

  it.each(vectors.tags)('tags level $level with extra tags $extraTags as Django', (vector) => {
    const message = new Message(vector.level, 'm', { extraTags: vector.extraTags });
    expect(message.tags).toBe(vector.tags);
    expect(new Message(vector.level, 'm').levelTag).toBe(vector.levelTag);
  });
});

describe(`session and fallback vectors from Django ${vectors.django}`, () => {
  it.each(vectors.session)('writes the session entry Django writes: $name', (vector) => {
    const req = request();
    new SessionStorage(req, config)._store(vector.messages.map(make), new HttpResponse());
    expect(req.session.get('_messages')).toBe(vector.value);
    const [messages] = new SessionStorage(
      request(null, { _messages: vector.value }),
      config,
    )._get();
    expect(messages!.map(describeMessage)).toEqual(vector.messages.map(readBack));
  });

  it.each(vectors.fallback)(
    'splits $count messages between cookie and session as Django',
    (vector) => {
      const req = request();
      const storage = new FallbackStorage(req, config);
      for (let i = 0; i < vector.count; i++) storage.add(INFO, noise(i, vector.size));
      const response = new HttpResponse();
      const unstored = storage.update(response);
      expectSameCookie(response.cookies.get('messages')?.value ?? null, vector.cookie);
      expect(req.session.get('_messages', null)).toBe(vector.session);
      expect(unstored?.length ?? 0).toBe(vector.unstored);
    },
  );

  it('reads a split back in order: the cookie, then the session', () => {
    const split = vectors.fallback[1]!;
    const storage = new FallbackStorage(
      request(split.cookie, { _messages: split.session }),
      config,
    );
    expect([...storage].map((m) => String(m.message).slice(0, 2))).toEqual(
      vectors.fallbackReadBack,
    );
  });
});
