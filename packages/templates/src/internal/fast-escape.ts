/**
 * The autoescape hot path is `@reins/core`'s `escapeHtml` (its module says why it is written the
 * way it is); the runtime keeps importing it from here under its old name.
 *
 * @module
 */
export { escapeHtml as fastEscape } from '@reins/core';
