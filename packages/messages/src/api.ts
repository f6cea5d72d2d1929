/**
 * The messages API (Django's `django.contrib.messages.api`): add a message to the request, read
 * them back, and the minimum level of this request.
 *
 * @module
 */
import type { SafeString } from '@reins/core';
import type { HttpRequest } from '@reins/http';
import type { BaseStorage } from './base-storage.js';
import { DEBUG, ERROR, INFO, SUCCESS, WARNING } from './constants.js';
import { MessageFailure } from './message-failure.js';
import type { Message } from './message.js';
import './request-messages.js';

/**
 * Options of {@link addMessage} and the level shortcuts.
 *
 * @example
 * const options: AddMessageOptions = { extraTags: 'sticky', failSilently: true };
 */
export interface AddMessageOptions {
  /** Space-separated tags added before the level's in `message.tags`. */
  extraTags?: string;
  /** Do nothing, rather than throw {@link MessageFailure}, without `MessageMiddleware`. */
  failSilently?: boolean;
}

/**
 * Add a message for the user's next page (Django's `messages.add_message`). Dropped when the
 * text is empty or the level is below the minimum.
 *
 * @throws {MessageFailure} when `MessageMiddleware` did not handle the request (unless `failSilently`).
 * @example
 * addMessage(request, messages.INFO, 'Hello world.');
 */
export function addMessage(
  request: HttpRequest,
  level: number,
  message: string | SafeString,
  options: AddMessageOptions = {},
): void {
  const storage = request._messages;
  if (storage === undefined) {
    if (typeof request !== 'object' || request === null || !('META' in request)) {
      throw new TypeError(
        `addMessage() needs the HttpRequest as its first argument; got ${request === null ? 'null' : typeof request}.`,
      );
    }
    if (options.failSilently) return;
    throw new MessageFailure(
      'You cannot add messages without MessageMiddleware: add MessageMiddleware (from @reins/messages) to the middleware setting, after SessionMiddleware.',
    );
  }
  storage.add(level, message, options.extraTags ?? '');
}

/**
 * The request's messages (Django's `get_messages`): iterate them to show them (which marks them
 * read), or an empty list when `MessageMiddleware` did not handle the request.
 *
 * @example
 * for (const message of getMessages(request)) console.log(message.tags, String(message));
 */
export function getMessages(request: HttpRequest): BaseStorage | readonly Message[] {
  return request._messages ?? [];
}

/**
 * The minimum level recorded on this request (Django's `get_level`): its own, else
 * `messageLevel`, else `INFO`.
 *
 * @example
 * getLevel(request); // 20
 */
export function getLevel(request: HttpRequest): number {
  return request._messages?.level ?? INFO;
}

/**
 * Set the minimum level recorded on this request; `null` goes back to `messageLevel`. `false`
 * without `MessageMiddleware` (Django's `set_level`).
 *
 * @example
 * setLevel(request, messages.DEBUG);
 */
export function setLevel(request: HttpRequest, level: number | null): boolean {
  const storage = request._messages;
  if (storage === undefined) return false;
  storage.level = level;
  return true;
}

type Shortcut = (
  request: HttpRequest,
  message: string | SafeString,
  options?: AddMessageOptions,
) => void;

const at =
  (level: number): Shortcut =>
  (request, message, options) =>
    addMessage(request, level, message, options);

/**
 * Add a `DEBUG` message (dropped unless `messageLevel` is `DEBUG`).
 *
 * @example
 * debug(request, '3 SQL statements were executed.');
 */
export const debug: Shortcut = at(DEBUG);
/**
 * Add an `INFO` message.
 *
 * @example
 * info(request, 'Three credits remain in your account.');
 */
export const info: Shortcut = at(INFO);
/**
 * Add a `SUCCESS` message.
 *
 * @example
 * success(request, 'Profile details updated.');
 */
export const success: Shortcut = at(SUCCESS);
/**
 * Add a `WARNING` message.
 *
 * @example
 * warning(request, 'Your account expires in three days.');
 */
export const warning: Shortcut = at(WARNING);
/**
 * Add an `ERROR` message.
 *
 * @example
 * error(request, 'Document deleted.');
 */
export const error: Shortcut = at(ERROR);
