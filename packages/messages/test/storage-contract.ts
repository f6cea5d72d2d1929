/**
 * The storage contract: what every message storage does across requests, run on the cookie,
 * session and fallback storages through SessionMiddleware and MessageMiddleware.
 *
 * @example
 * runStorageContract('cookie storage', CookieStorage);
 */
import { markSafe, isSafe } from '@reins/core';
import { HttpResponse } from '@reins/http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMessage, getMessages, info, setLevel, success } from '../src/api.js';
import type { BaseStorage } from '../src/base-storage.js';
import { DEBUG, ERROR, INFO, SUCCESS, WARNING } from '../src/constants.js';
import type { Message } from '../src/message.js';
import type { MessageStorageClass } from '../src/message-middleware.js';
import { site, type Site } from './support/site.js';

type Shown = [level: number, text: string, tags: string];

function show(request: Parameters<typeof getMessages>[0]): Shown[] {
  return [...getMessages(request)].map((m: Message) => [m.level, String(m.message), m.tags]);
}

async function read(browser: Site): Promise<Shown[]> {
  let shown: Shown[] = [];
  await browser.visit((request) => {
    shown = show(request);
    return new HttpResponse('page');
  });
  return shown;
}

async function add(browser: Site, ...messages: [number, string, string?][]): Promise<void> {
  await browser.visit((request) => {
    for (const [level, text, extraTags] of messages) {
      addMessage(request, level, text, { extraTags: extraTags ?? '' });
    }
    return new HttpResponse('added');
  });
}

/** Run the contract on a storage class. */
export function runStorageContract(name: string, Storage: MessageStorageClass): void {
  describe(`message storage contract: ${name}`, () => {
    const browse = (settings: Record<string, unknown> = {}): Site =>
      site({ messageStorage: Storage }, settings);

    it('shows messages added on one request on the next, once, in order', async () => {
      const browser = browse();
      await add(browser, [INFO, 'first'], [SUCCESS, 'second', 'sticky'], [ERROR, 'third']);
      expect(await read(browser)).toEqual([
        [INFO, 'first', 'info'],
        [SUCCESS, 'second', 'sticky success'],
        [ERROR, 'third', 'error'],
      ]);
      expect(await read(browser)).toEqual([]);
    });

    it('keeps messages nobody iterated, and adds new ones after them', async () => {
      const browser = browse();
      await add(browser, [INFO, 'one']);
      await browser.visit((request) => {
        expect(getMessages(request)).toHaveLength(1); // counting is not reading
        success(request, 'two');
        return new HttpResponse();
      });
      await browser.visit(); // a request that does not look at all
      expect(await read(browser)).toEqual([
        [INFO, 'one', 'info'],
        [SUCCESS, 'two', 'success'],
      ]);
    });

    it('stores only messages added after an iteration', async () => {
      const browser = browse();
      await add(browser, [INFO, 'old']);
      await browser.visit((request) => {
        expect(show(request)).toEqual([[INFO, 'old', 'info']]);
        info(request, 'new');
        return new HttpResponse();
      });
      expect(await read(browser)).toEqual([[INFO, 'new', 'info']]);
    });

    it('shows a message added during the same request when iterated after it', async () => {
      const browser = browse();
      let shown: Shown[] = [];
      await browser.visit((request) => {
        info(request, 'now');
        shown = show(request);
        return new HttpResponse();
      });
      expect(shown).toEqual([[INFO, 'now', 'info']]);
      expect(await read(browser)).toEqual([]);
    });

    it('drops empty texts and levels below messageLevel; setLevel changes it per request', async () => {
      const browser = browse({ messageLevel: SUCCESS });
      await browser.visit((request) => {
        addMessage(request, ERROR, '');
        addMessage(request, INFO, 'too low');
        addMessage(request, DEBUG, 'debug');
        addMessage(request, WARNING, 'kept');
        return new HttpResponse();
      });
      expect(await read(browser)).toEqual([[WARNING, 'kept', 'warning']]);
      await browser.visit((request) => {
        expect(setLevel(request, DEBUG)).toBe(true);
        addMessage(request, DEBUG, 'debug now');
        return new HttpResponse();
      });
      expect(await read(browser)).toEqual([[DEBUG, 'debug now', 'debug']]);
    });

    it('applies messageTags, and keeps a safe text safe', async () => {
      const browser = browse({ messageTags: { [ERROR]: 'danger', 35: 'notice' } });
      await browser.visit((request) => {
        addMessage(request, ERROR, markSafe('<b>bold</b>'));
        addMessage(request, 35, '<i>plain</i>');
        return new HttpResponse();
      });
      let safe: boolean[] = [];
      await browser.visit((request) => {
        const messages = [...getMessages(request)];
        expect(messages.map((m) => m.tags)).toEqual(['danger', 'notice']);
        safe = messages.map((m) => isSafe(m.message));
        return new HttpResponse();
      });
      expect(safe).toEqual([true, false]);
    });

    it('knows which messages it holds (equal level and text)', async () => {
      const browser = browse();
      await add(browser, [INFO, 'here']);
      await browser.visit((request) => {
        const storage = getMessages(request) as BaseStorage;
        const [message] = [...storage];
        expect(storage.includes(message!)).toBe(true);
        return new HttpResponse();
      });
    });

    it('gives back any messages unchanged (property)', async () => {
      const text = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
      const level = fc.oneof(
        fc.constantFrom(INFO, SUCCESS, WARNING, ERROR),
        fc.integer({ min: 20, max: 1000 }),
      );
      const extra = fc.constantFrom('', 'a', 'b c', 'ünï');
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(level, text, extra), { maxLength: 6 }), async (list) => {
          const browser = browse();
          await add(browser, ...list);
          const shown = await read(browser);
          expect(shown.map(([lvl, txt]) => [lvl, txt])).toEqual(
            list.map(([lvl, txt]) => [lvl, txt]),
          );
          expect(await read(browser)).toEqual([]);
        }),
        { numRuns: 40 },
      );
    });
  });
}
