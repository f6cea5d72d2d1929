/**
 * `request._messages` in the types: `@reins/messages` adds Django's attribute to `@reins/http`'s
 * `HttpRequest`, set by `MessageMiddleware`.
 *
 * @module
 */
import type { BaseStorage } from './base-storage.js';

declare module '@reins/http' {
  interface HttpRequest {
    /**
     * The request's message storage, set by `MessageMiddleware` (Django's `request._messages`);
     * read it with `getMessages(request)`.
     */
    _messages?: BaseStorage;
  }
}
