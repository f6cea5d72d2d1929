/**
 * {@link messagesContextProcessor}: Django's `django.contrib.messages.context_processors.messages`.
 *
 * @module
 */
import type { HttpRequest } from '@reins/http';
import { getMessages } from './api.js';
import type { BaseStorage } from './base-storage.js';
import { DEFAULT_LEVELS } from './constants.js';
import type { Message } from './message.js';

/**
 * Puts `messages` (the storage itself: read only when a template iterates it, which marks them
 * shown) and `DEFAULT_MESSAGE_LEVELS` in every template rendered with the request.
 *
 * @example
 * templates: [{ backend: 'reins', dirs: ['templates'], options: { contextProcessors: [messagesContextProcessor] } }]
 */
export function messagesContextProcessor(request: HttpRequest): {
  messages: BaseStorage | readonly Message[];
  DEFAULT_MESSAGE_LEVELS: typeof DEFAULT_LEVELS;
} {
  return { messages: getMessages(request), DEFAULT_MESSAGE_LEVELS: DEFAULT_LEVELS };
}
