/**
 * {@link messagesContextProcessor}: Django's `django.contrib.messages.context_processors.messages`.
 *
 * @module
 */
import type { HttpRequest } from '@reins/http';
import type { BaseStorage } from './base-storage.js';
import { DEFAULT_LEVELS } from './constants.js';
import type { Message } from './message.js';
import './request-messages.js';

const NO_MESSAGES: readonly Message[] = Object.freeze([]);

/**
 * Puts `messages` (the storage itself: read only when a template iterates it, which marks them
 * shown) and `DEFAULT_MESSAGE_LEVELS` in every template rendered with the request.
 *
 * @example
 * templates: [{ backend: 'reins', dirs: ['templates'], options: { contextProcessors: [messagesContextProcessor] } }]
 */
export function messagesContextProcessor(request: unknown): {
  messages: BaseStorage | readonly Message[];
  DEFAULT_MESSAGE_LEVELS: typeof DEFAULT_LEVELS;
} {
  // Typed `unknown` as the engine's ContextProcessor hands it: a render without an HttpRequest
  // (no middleware ran) has no messages.
  const messages = (request as Partial<HttpRequest> | null | undefined)?._messages;
  return { messages: messages ?? NO_MESSAGES, DEFAULT_MESSAGE_LEVELS: DEFAULT_LEVELS };
}
