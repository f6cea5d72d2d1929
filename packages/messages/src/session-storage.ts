/**
 * {@link SessionStorage}: messages in `request.session` under `'_messages'`, as the JSON text
 * Django 3.2 writes there, so a session shared with a Django site carries its messages too.
 *
 * @module
 */
import { ImproperlyConfigured } from '@reins/core';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import type { Session } from '@reins/sessions';
import { BaseStorage, type StoredMessages } from './base-storage.js';
import { decodeJson, encodeSpaced } from './internal/message-codec.js';
import { Message } from './message.js';
import type { MessageStorageConfig } from './storage-config.js';

/**
 * Messages in the session (`request.session`), which must be set by `SessionMiddleware` placed
 * before `MessageMiddleware`. Holds any number of messages; the session's store bounds them.
 *
 * @example
 * messageMiddleware({ messageStorage: SessionStorage });
 */
export class SessionStorage extends BaseStorage {
  /** The session key the messages live under (Django's `session_key`). */
  readonly sessionKey: string = '_messages';

  constructor(request: HttpRequest, config?: MessageStorageConfig) {
    super(request, config);
    const session = (request as { session?: Session }).session;
    if (session === undefined) {
      throw new ImproperlyConfigured(
        'The session message storage needs request.session: put SessionMiddleware before MessageMiddleware in the middleware setting.',
        { setting: 'middleware', code: 'messages.no_session' },
      );
    }
  }

  _get(): StoredMessages {
    return [this.#deserialize(this.request.session.get(this.sessionKey)), true];
  }

  _store(messages: Message[], _response: HttpResponseBase): Message[] {
    if (messages.length > 0) this.request.session.set(this.sessionKey, encodeSpaced(messages));
    else this.request.session.pop(this.sessionKey, null);
    return [];
  }

  // Django's deserialize_messages: JSON text; anything else (nothing, or data another serializer
  // left) is no messages here, where Django would hand it back as it is.
  #deserialize(data: unknown): Message[] | null {
    if (typeof data !== 'string' || data === '') return null;
    try {
      const value = decodeJson(data, this.config.levelTags);
      if (Array.isArray(value) && value.every((item) => item instanceof Message)) return value;
    } catch {
      // A malformed entry is no messages, not a 500.
    }
    return null;
  }
}
