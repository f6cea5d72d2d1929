/**
 * @reins/messages — Django's messages framework for reins: one-time notifications ("Profile
 * saved.") added in one request and shown on the next page, kept in a signed cookie, the session,
 * or both (Django 3.2's formats).
 *
 * @example
 * import { MessageMiddleware, success } from '@reins/messages';
 * success(request, 'Profile details updated.');
 *
 * @module
 */
export type { AddMessageOptions } from './api.js';
export {
  addMessage,
  debug,
  error,
  getLevel,
  getMessages,
  info,
  setLevel,
  success,
  warning,
} from './api.js';
export { BaseStorage } from './base-storage.js';
export type { StoredMessages } from './base-storage.js';
export { DEBUG, DEFAULT_LEVELS, DEFAULT_TAGS, ERROR, INFO, SUCCESS, WARNING } from './constants.js';
export { messagesContextProcessor } from './context-processor.js';
export { CookieStorage } from './cookie-storage.js';
export { FallbackStorage } from './fallback-storage.js';
export { MessageFailure } from './message-failure.js';
export { MessageMiddleware, messageMiddleware } from './message-middleware.js';
export type { MessageMiddlewareOptions, MessageStorageClass } from './message-middleware.js';
export { Message } from './message.js';
export { SessionStorage } from './session-storage.js';
export { defaultStorageConfig } from './storage-config.js';
export type { MessageStorageConfig } from './storage-config.js';
export type {} from './request-messages.js';
