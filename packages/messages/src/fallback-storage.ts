/**
 * {@link FallbackStorage}: the cookie first, then the session for what the cookie cannot hold
 * (Django's default `MESSAGE_STORAGE`), so most requests touch no session at all.
 *
 * @module
 */
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import { BaseStorage, type StoredMessages } from './base-storage.js';
import { CookieStorage } from './cookie-storage.js';
import type { Message } from './message.js';
import { SessionStorage } from './session-storage.js';
import type { MessageStorageConfig } from './storage-config.js';

/** A storage class, as `messageStorage` takes it. */
type StorageClass = new (request: HttpRequest, config?: MessageStorageConfig) => BaseStorage;

/**
 * Each storage in `storageClasses` in turn: messages are read from the first until one says it
 * held them all, and stored in the first, the ones it could not hold in the next, and so on. The
 * cookie drops the newest first here, so the oldest stay in the cookie and reading order is kept.
 *
 * @example
 * messageMiddleware({ messageStorage: FallbackStorage }); // the default
 */
export class FallbackStorage extends BaseStorage {
  /** The storages tried in order (Django's `storage_classes`). */
  static storageClasses: readonly StorageClass[] = [CookieStorage, SessionStorage];
  /** One storage of each class, for this request. */
  readonly storages: readonly BaseStorage[];
  readonly #used = new Set<BaseStorage>();

  constructor(request: HttpRequest, config?: MessageStorageConfig) {
    super(request, config);
    const classes = (this.constructor as typeof FallbackStorage).storageClasses;
    this.storages = classes.map((Storage) => new Storage(request, config));
  }

  _get(): StoredMessages {
    const all: Message[] = [];
    let allRetrieved = true;
    for (const storage of this.storages) {
      const [messages, retrieved] = storage._get();
      allRetrieved = retrieved;
      // A storage that was not used means none after it was either.
      if (messages === null) break;
      if (messages.length > 0) this.#used.add(storage);
      all.push(...messages);
      if (retrieved) break;
    }
    return [all, allRetrieved];
  }

  _store(messages: Message[], response: HttpResponseBase): Message[] {
    let remaining = messages;
    for (const storage of this.storages) {
      if (remaining.length > 0) {
        remaining = storage._store(remaining, response, { removeOldest: false });
      } else if (this.#used.has(storage)) {
        // Emptied: a storage that held messages is cleared even when nothing is left for it.
        storage._store([], response);
        this.#used.delete(storage);
      }
    }
    return remaining;
  }
}
