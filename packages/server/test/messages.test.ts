/**
 * @reins/messages through a whole app and the test client: a view adds a message and redirects,
 * the next page shows it with Django's template snippet (the `messages` context processor,
 * `{% if messages %}` and `{% for message in messages %}{{ message.tags }}`), and it is gone after.
 */
import { HttpResponseRedirect, type HttpRequest } from '@reins/http';
import {
  ERROR,
  FallbackStorage,
  MessageMiddleware,
  messageMiddleware,
  messagesContextProcessor,
  SessionStorage,
  success,
  warning,
  WARNING,
  error as errorMessage,
} from '@reins/messages';
import type { MessageStorageClass } from '@reins/messages';
import { markSafe } from '@reins/core';
import { SessionMiddleware } from '@reins/sessions';
import { render } from '@reins/shortcuts';
import { Engine } from '@reins/templates';
import { path } from '@reins/urls';
import { describe, expect, it } from 'vitest';
import { createApp, ImproperlyConfigured } from '../src/index.js';
import type { Settings } from '../src/index.js';
import { Client } from '../src/testing/index.js';
import { recordingLogger } from './helpers.js';

const PAGE = `{% if messages %}<ul class="messages">{% for message in messages %}<li{% if message.tags %} class="{{ message.tags }}"{% endif %}>{% if message.level == DEFAULT_MESSAGE_LEVELS.ERROR %}Important: {% endif %}{{ message }}</li>{% endfor %}</ul>{% else %}no messages{% endif %}`;

function app(Storage: MessageStorageClass | undefined, settings: Partial<Settings> = {}) {
  return createApp({
    ...settings,
    rootUrlconf: [
      path('save/', (request: HttpRequest) => {
        success(request, 'Profile <saved>.', { extraTags: 'sticky' });
        warning(request, markSafe('<b>Check</b> your e-mail.'));
        errorMessage(request, 'Card declined.');
        return new HttpResponseRedirect('/page/');
      }),
      path('page/', (request: HttpRequest) => render(request, 'page.html')),
    ],
    allowedHosts: ['testserver'],
    logger: recordingLogger(),
    secretKey: 'messages-through-the-app',
    templates: new Engine({
      templates: { 'page.html': PAGE },
      contextProcessors: [messagesContextProcessor],
    }),
    middleware: [
      SessionMiddleware,
      Storage === undefined ? MessageMiddleware : messageMiddleware({ messageStorage: Storage }),
    ],
  });
}

describe.each([
  ['the default (fallback) storage', undefined],
  ['the session storage', SessionStorage],
  ['the fallback storage', FallbackStorage],
] as const)('messages in an app with %s', (_, Storage) => {
  it('shows a message on the next page with its tags, then never again', async () => {
    const client = new Client(app(Storage));
    const response = await client.get('/save/', {}, { follow: true });
    expect(response.text()).toBe(
      '<ul class="messages">' +
        '<li class="sticky success">Profile &lt;saved&gt;.</li>' +
        '<li class="warning"><b>Check</b> your e-mail.</li>' +
        '<li class="error">Important: Card declined.</li>' +
        '</ul>',
    );
    expect((await client.get('/page/')).text()).toBe('no messages');
  });

  it('keeps messages for a page that shows none', async () => {
    const client = new Client(app(Storage));
    await client.get('/save/');
    expect((await client.get('/page/')).text()).toMatch(/^<ul class="messages">/);
  });
});

describe('the messages settings of the project', () => {
  it('reach MessageMiddleware: messageLevel drops lower levels, messageTags renames a tag', async () => {
    const client = new Client(
      app(undefined, { messageLevel: WARNING, messageTags: { [ERROR]: 'danger' } }),
    );
    const response = await client.get('/save/', {}, { follow: true });
    expect(response.text()).toBe(
      '<ul class="messages">' +
        '<li class="warning"><b>Check</b> your e-mail.</li>' +
        '<li class="danger">Important: Card declined.</li>' +
        '</ul>',
    );
  });

  it('messageStorage chooses where messages live (the session: no messages cookie)', async () => {
    const client = new Client(app(undefined, { messageStorage: SessionStorage }));
    await client.get('/save/');
    expect(client.cookies.has('messages')).toBe(false);
    expect((await client.get('/page/')).text()).toMatch(/^<ul class="messages">/);
  });

  it('a malformed one fails createApp, naming the setting', () => {
    expect(() => app(undefined, { messageLevel: 'INFO' as unknown as number })).toThrow(
      ImproperlyConfigured,
    );
    expect(() => app(undefined, { messageLevel: 'INFO' as unknown as number })).toThrow(
      "The setting 'messageLevel' must be a whole number such as messages.INFO (20), got 'INFO'.",
    );
  });
});
