/**
 * {@link BaseStorage}: Django's `BaseStorage`, the part every message storage shares — queueing
 * added messages, reading stored ones once, marking them used on iteration, and storing on the
 * way out what is still unread.
 *
 * @module
 */
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import type { SafeString } from '@reins/core';
import { Message } from './message.js';
import { defaultStorageConfig, type MessageStorageConfig } from './storage-config.js';

/**
 * What `_get()` answers: the stored messages (`null` when the storage was not used at all) and
 * whether they are all the messages meant for it.
 */
export type StoredMessages = [messages: Message[] | null, allRetrieved: boolean];

/**
 * A message storage: `request._messages`. Iterating it (`for … of`, `{% for %}`) marks its
 * messages used, so they are not stored again; `length` counts them without doing so. Subclasses
 * implement `_get()` and `_store()`, as in Django.
 *
 * @example
 * for (const message of getMessages(request)) console.log(message.tags, String(message));
 */
export abstract class BaseStorage implements Iterable<Message> {
  /** The request whose messages these are. */
  readonly request: HttpRequest;
  /** The settings this storage was built with. */
  readonly config: MessageStorageConfig;
  /** True once iterated: only messages added after that are stored again. */
  used = false;
  /** True once a message was added. */
  addedNew = false;
  #queued: Message[] = [];
  #loaded: Message[] | undefined;
  #level: number | undefined;

  constructor(request: HttpRequest, config: MessageStorageConfig = defaultStorageConfig) {
    this.request = request;
    this.config = config;
  }

  /** How many messages there are, stored and added (Django's `len()`); not a use. */
  get length(): number {
    return this.loadedMessages.length + this.#queued.length;
  }

  [Symbol.iterator](): Iterator<Message> {
    this.used = true;
    if (this.#queued.length > 0) {
      this.loadedMessages.push(...this.#queued);
      this.#queued = [];
    }
    return this.loadedMessages[Symbol.iterator]();
  }

  /**
   * Whether an equal message (same level and text) is stored or added (Django's `in`).
   *
   * @example
   * storage.includes(new Message(INFO, 'Saved.')); // true
   */
  includes(message: Message): boolean {
    return (
      this.loadedMessages.some((item) => message.equals(item)) ||
      this.#queued.some((item) => message.equals(item))
    );
  }

  /** The stored messages, read on first use. */
  protected get loadedMessages(): Message[] {
    if (this.#loaded === undefined) {
      const [messages] = this._get();
      this.#loaded = messages ?? [];
    }
    return this.#loaded;
  }

  /**
   * Read the stored messages (Django's `_get()`): `[messages, allRetrieved]`, `messages` `null`
   * when this storage was not used at all.
   */
  abstract _get(): StoredMessages;

  /**
   * Store `messages` (Django's `_store()`), returning those it could not hold. `removeOldest`:
   * when they do not all fit, drop the oldest first (else the newest).
   */
  abstract _store(
    messages: Message[],
    response: HttpResponseBase,
    options?: { removeOldest?: boolean },
  ): Message[];

  /**
   * Store what is unread, on the way out (Django's `update()`): after an iteration only the
   * messages added since; without one, the stored messages again plus the new ones. Returns the
   * messages that could not be stored, or `undefined` when nothing needed storing.
   *
   * @example
   * const unstored = storage.update(response);
   */
  update(response: HttpResponseBase): Message[] | undefined {
    if (this.used) return this._store(this.#queued, response);
    if (this.addedNew) return this._store([...this.loadedMessages, ...this.#queued], response);
    return undefined;
  }

  /**
   * Queue a message, unless its text is empty or its level below `level` (Django's `add()`).
   *
   * @example
   * storage.add(SUCCESS, 'Saved.', 'sticky');
   */
  add(level: number, message: string | SafeString, extraTags: string | null = ''): void {
    if (!String(message)) return;
    const value = Math.trunc(Number(level));
    if (!Number.isFinite(value)) {
      throw new TypeError(
        `A message level must be a number such as messages.INFO (20); got ${String(level)}.`,
      );
    }
    if (value < this.level) return;
    this.addedNew = true;
    this.#queued.push(new Message(value, message, { extraTags, levelTags: this.config.levelTags }));
  }

  /** The minimum level recorded: set on this request, else `messageLevel`. */
  get level(): number {
    return this.#level ?? this.config.level;
  }

  /** Set the minimum level for this request; `null` goes back to `messageLevel`. */
  set level(value: number | null) {
    this.#level = value === null ? undefined : Math.trunc(Number(value));
  }
}
