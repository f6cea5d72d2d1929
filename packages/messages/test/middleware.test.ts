import { ImproperlyConfigured } from '@reins/core';
import { HttpRequest, HttpResponse } from '@reins/http';
import { SessionMiddleware } from '@reins/sessions';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addMessage, error, getLevel, getMessages, info, setLevel } from '../src/api.js';
import { DEFAULT_LEVELS, INFO, WARNING } from '../src/constants.js';
import { messagesContextProcessor } from '../src/context-processor.js';
import { CookieStorage } from '../src/cookie-storage.js';
import { FallbackStorage } from '../src/fallback-storage.js';
import { MessageFailure } from '../src/message-failure.js';
import { MessageMiddleware, messageMiddleware } from '../src/message-middleware.js';
import { SessionStorage } from '../src/session-storage.js';
import { secretKey, site } from './support/site.js';

const view = () => new HttpResponse('ok');
// Text zlib cannot shrink much, so the cookie fills up.
const noise = (i: number): string =>
  `${String(i).padStart(2, '0')}-` + createHash('sha256').update(String(i)).digest('base64');

describe('without MessageMiddleware', () => {
  const request = () => new HttpRequest({ url: '/' });

  it("throws Django's MessageFailure, in reins' words", () => {
    expect(() => info(request(), 'Hi')).toThrow(MessageFailure);
    expect(() => addMessage(request(), INFO, 'Hi')).toThrow(
      /You cannot add messages without MessageMiddleware: add MessageMiddleware \(from @reins\/messages\) to the middleware setting, after SessionMiddleware\./,
    );
  });

  it('does nothing with failSilently, reads an empty list, and cannot set a level', () => {
    const req = request();
    error(req, 'quiet', { failSilently: true });
    expect([...getMessages(req)]).toEqual([]);
    expect(setLevel(req, WARNING)).toBe(false);
    expect(getLevel(req)).toBe(INFO);
    expect(messagesContextProcessor(req)).toEqual({
      messages: [],
      DEFAULT_MESSAGE_LEVELS: DEFAULT_LEVELS,
    });
  });

  it('refuses something that is not a request', () => {
    expect(() => info({} as HttpRequest, 'Hi')).toThrow(TypeError);
  });
});

describe('MessageMiddleware', () => {
  it('gives the context processor the storage itself and the level names', async () => {
    await site().visit((request) => {
      const context = messagesContextProcessor(request);
      expect(context.messages).toBe(request._messages);
      expect(context.DEFAULT_MESSAGE_LEVELS.ERROR).toBe(40);
      return new HttpResponse();
    });
  });

  it('works around an async view', async () => {
    const browser = site();
    await browser.visit(async (request) => {
      await new Promise((resolve) => setImmediate(resolve));
      info(request, 'later');
      return new HttpResponse();
    });
    let texts: string[] = [];
    await browser.visit((request) => {
      texts = [...getMessages(request)].map(String);
      return new HttpResponse();
    });
    expect(texts).toEqual(['later']);
  });

  it('stays synchronous with a sync view', () => {
    const settings = { secretKey };
    const handler = SessionMiddleware(MessageMiddleware(view, settings), settings);
    expect(handler(new HttpRequest({ url: '/' }))).toBeInstanceOf(HttpResponse);
  });

  it('needs secretKey at start-up for the cookie and fallback storages, not for the session one', () => {
    expect(() => MessageMiddleware(view, {})).toThrow(ImproperlyConfigured);
    expect(() => messageMiddleware({ messageStorage: CookieStorage })(view, {})).toThrow(
      /MessageMiddleware needs the 'secretKey' setting: the CookieStorage signs the messages cookie/,
    );
    expect(() => messageMiddleware({ messageStorage: SessionStorage })(view, {})).not.toThrow();
  });

  it('names a malformed setting', () => {
    expect(() => messageMiddleware()(view, { secretKey, messageLevel: 'INFO' })).toThrow(
      "The setting 'messageLevel' must be a whole number such as messages.INFO (20), got 'INFO'.",
    );
    expect(() => messageMiddleware()(view, { secretKey, messageTags: [] })).toThrow(
      /The setting 'messageTags' must be an object of level → tag/,
    );
    expect(() => messageMiddleware()(view, { secretKey, messageStorage: 'cookie' })).toThrow(
      /The setting 'messageStorage' must be a storage class/,
    );
  });

  it('options win over the project settings', async () => {
    let level = 0;
    await site({ messageLevel: WARNING }, { messageLevel: 10 }).visit((request) => {
      level = getLevel(request);
      return new HttpResponse();
    });
    expect(level).toBe(WARNING);
  });

  it('explains a session storage without SessionMiddleware before it', () => {
    const handler = messageMiddleware({ messageStorage: SessionStorage })(view, {});
    expect(() => handler(new HttpRequest({ url: '/' }))).toThrow(
      'The session message storage needs request.session: put SessionMiddleware before MessageMiddleware in the middleware setting.',
    );
  });
});

describe('the cookie storage', () => {
  const big = noise;

  it('deletes a tampered cookie and shows nothing', async () => {
    const browser = site({ messageStorage: CookieStorage });
    browser.jar.set('messages', 'W1siX19qc29uX21lc3NhZ2UiXV0:1r31eq:forged');
    let count = -1;
    const response = await browser.visit((request) => {
      count = [...getMessages(request)].length;
      return new HttpResponse();
    });
    expect(count).toBe(0);
    expect(response.cookies.get('messages')?.maxAge).toBe(0);
    expect(browser.jar.has('messages')).toBe(false);
  });

  it("uses the session cookie's domain, Secure, HttpOnly and SameSite settings", async () => {
    const response = await site(
      { messageStorage: CookieStorage },
      {
        sessionCookieDomain: '.example.com',
        sessionCookieSecure: true,
        sessionCookieHttpOnly: false,
        sessionCookieSameSite: 'Strict',
      },
    ).visit((request) => {
      info(request, 'hi');
      return new HttpResponse();
    });
    const cookie = response.cookies.get('messages')!;
    expect([cookie.domain, cookie.secure, cookie.httpOnly, cookie.sameSite, cookie.maxAge]).toEqual(
      ['.example.com', true, false, 'Strict', null],
    );
  });

  it('drops the oldest messages that do not fit in 2048 bytes, and says so in debug', async () => {
    const browser = site({ messageStorage: CookieStorage });
    await browser.visit((request) => {
      for (let i = 0; i < 80; i++) info(request, big(i));
      return new HttpResponse();
    });
    expect(browser.jar.get('messages')!.length).toBeLessThanOrEqual(2048);
    let texts: string[] = [];
    await browser.visit((request) => {
      texts = [...getMessages(request)].map(String);
      return new HttpResponse();
    });
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.length).toBeLessThan(80);
    expect(texts.at(-1)).toBe(big(79));

    const debug = site({ messageStorage: CookieStorage }, { debug: true });
    await expect(
      debug.visit((request) => {
        for (let i = 0; i < 80; i++) info(request, big(i));
        return new HttpResponse();
      }),
    ).rejects.toThrow(
      /Not all temporary messages could be stored: \d+ did not fit in the CookieStorage/,
    );
  });
});

describe('the fallback storage', () => {
  const big = noise;

  it('keeps what the cookie cannot hold in the session, reads both in order, then clears both', async () => {
    const browser = site({ messageStorage: FallbackStorage }, { debug: true });
    await browser.visit((request) => {
      for (let i = 0; i < 60; i++) info(request, big(i));
      return new HttpResponse();
    });
    expect(browser.jar.has('messages')).toBe(true);
    expect(browser.jar.has('sessionid')).toBe(true);
    let texts: string[] = [];
    const response = await browser.visit((request) => {
      texts = [...getMessages(request)].map(String);
      return new HttpResponse();
    });
    expect(texts).toEqual(Array.from({ length: 60 }, (_, i) => big(i)));
    expect(response.cookies.get('messages')?.maxAge).toBe(0);
    expect(browser.jar.has('messages')).toBe(false);
    // The session no longer holds them either.
    let again = -1;
    await browser.visit((request) => {
      again = [...getMessages(request)].length;
      return new HttpResponse();
    });
    expect(again).toBe(0);
  });

  it('touches no session while the cookie holds everything', async () => {
    const browser = site({ messageStorage: FallbackStorage });
    await browser.visit((request) => {
      info(request, 'small');
      return new HttpResponse();
    });
    expect([...browser.jar.keys()]).toEqual(['messages']);
  });
});

describe('a CookieStorage subclass', () => {
  it('may change the cookie name, its size limit and the salt, as in Django', async () => {
    class ShortCookie extends CookieStorage {
      override cookieName = 'flash';
      override maxCookieSize = 200;
      override readonly keySalt = 'my-salt';
    }
    const browser = site({ messageStorage: ShortCookie });
    await browser.visit((request) => {
      for (let i = 0; i < 10; i++) info(request, noise(i));
      return new HttpResponse();
    });
    expect([...browser.jar.keys()]).toEqual(['flash']);
    const flash = browser.jar.get('flash')!;
    expect(flash.length).toBeLessThanOrEqual(200);
    let texts: string[] = [];
    await browser.visit((request) => {
      texts = [...getMessages(request)].map(String);
      return new HttpResponse();
    });
    expect(texts.at(-1)).toBe(noise(9));
    // Signed with its own salt: the default storage does not accept it.
    const other = site({ messageStorage: CookieStorage });
    other.jar.set('messages', flash);
    let count = -1;
    await other.visit((request) => {
      count = [...getMessages(request)].length;
      return new HttpResponse();
    });
    expect(count).toBe(0);
  });
});
