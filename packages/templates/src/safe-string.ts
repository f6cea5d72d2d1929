/**
 * Safe strings are `@reins/core`'s (one class and one brand for every package); the engine and its
 * filters import them from here, and `@reins/templates` re-exports them for its users.
 *
 * @module
 */
export { conditionalEscape, escape, escapeHtml, isSafe, markSafe, SafeString } from '@reins/core';
