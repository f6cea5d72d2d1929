/**
 * {@link Message}: one message, as a storage keeps it and a template shows it (Django's
 * `django.contrib.messages.storage.base.Message`).
 *
 * @module
 */
import { conditionalEscape, type SafeString } from '@reins/core';
import { DEFAULT_TAGS } from './constants.js';

/**
 * One message: a level, its text (a string, or a `SafeString` shown unescaped) and extra tags.
 * `String(message)` is its text, so `{{ message }}` shows it, escaped unless it is safe.
 *
 * @example
 * const message = new Message(SUCCESS, 'Saved.', { extraTags: 'sticky' });
 * message.tags; // 'sticky success'
 */
export class Message {
  /** The level, an integer (`SUCCESS` is 25). */
  readonly level: number;
  /** The text; a `SafeString` from `markSafe()` stays unescaped in templates. */
  readonly message: string | SafeString;
  /** Space-separated tags of the caller's, or `null` (Django's `None`: none were stored). */
  readonly extraTags: string | null;
  readonly #levelTags: Readonly<Record<number, string>>;

  constructor(
    level: number,
    message: string | SafeString,
    options: {
      extraTags?: string | null | undefined;
      levelTags?: Readonly<Record<number, string>> | undefined;
    } = {},
  ) {
    this.level = Math.trunc(Number(level));
    this.message = message;
    this.extraTags = options.extraTags ?? null;
    this.#levelTags = options.levelTags ?? DEFAULT_TAGS;
  }

  /**
   * The extra tags then the level's tag, space-separated (Django's `tags`), for a CSS class.
   *
   * @example
   * new Message(ERROR, 'Oops', { extraTags: 'form' }).tags; // 'form error'
   */
  get tags(): string {
    return [this.extraTags, this.levelTag].filter(Boolean).join(' ');
  }

  /**
   * The level's tag (`'success'`), or `''` for a level with none.
   *
   * @example
   * new Message(SUCCESS, 'Saved.').levelTag; // 'success'
   */
  get levelTag(): string {
    return Object.hasOwn(this.#levelTags, this.level) ? (this.#levelTags[this.level] ?? '') : '';
  }

  /**
   * Django's `Message.__eq__`: the same level and text (extra tags do not count).
   *
   * @example
   * new Message(INFO, 'Hi').equals(new Message(INFO, 'Hi', { extraTags: 'x' })); // true
   */
  equals(other: unknown): boolean {
    return (
      other instanceof Message &&
      other.level === this.level &&
      String(other.message) === String(this.message)
    );
  }

  /** The text (Django's `__str__`), so `{{ message }}` renders it. */
  toString(): string {
    return String(this.message);
  }

  /**
   * The text as HTML: escaped unless it is a `SafeString` (the `__html__` protocol of Django's
   * `conditional_escape`), so `{{ message }}` shows a safe message unescaped as in Django, where
   * `str(message)` of a safe text is still safe.
   *
   * @example
   * new Message(INFO, markSafe('<b>Hi</b>')).__html__(); // '<b>Hi</b>'
   */
  __html__(): string {
    return String(conditionalEscape(this.message));
  }
}
