/**
 * {@link MessageFailure}: adding a message to a request that has no message storage.
 *
 * @module
 */
import { brandClass, defineBrand, ReinsError } from '@reins/core';

/**
 * Thrown by `addMessage()` (and `info()`, `success()`…) on a request `MessageMiddleware` did not
 * handle, unless `failSilently` (Django's `MessageFailure`).
 *
 * @example
 * try { info(request, 'Hi'); } catch (error) { if (MessageFailure.isInstance(error)) … }
 */
export class MessageFailure extends ReinsError {
  static override readonly brand: symbol = defineBrand('messages.MessageFailure');
  override readonly code: string = 'messages.no_middleware';
}
brandClass(MessageFailure);
