/**
 * Django's message levels (`django.contrib.messages.constants`): numbers, so a project may add
 * levels of its own between them.
 *
 * @module
 */

/** Development messages, ignored by default (`messageLevel` is `INFO`). */
export const DEBUG = 10;
/** Informational messages for the user. */
export const INFO = 20;
/** An action succeeded. */
export const SUCCESS = 25;
/** A failure did not occur but may be imminent. */
export const WARNING = 30;
/** An action did not succeed. */
export const ERROR = 40;

/**
 * The tag of each level, as `message.tags` shows it (Django's `DEFAULT_TAGS`); `messageTags`
 * adds to it or replaces entries.
 *
 * @example
 * DEFAULT_TAGS[SUCCESS]; // 'success'
 */
export const DEFAULT_TAGS: Readonly<Record<number, string>> = Object.freeze({
  [DEBUG]: 'debug',
  [INFO]: 'info',
  [SUCCESS]: 'success',
  [WARNING]: 'warning',
  [ERROR]: 'error',
});

/**
 * The levels by name, as the `messages` context processor hands them to templates
 * (`DEFAULT_MESSAGE_LEVELS`).
 *
 * @example
 * // {% if message.level == DEFAULT_MESSAGE_LEVELS.ERROR %}…{% endif %}
 * DEFAULT_LEVELS.ERROR; // 40
 */
export const DEFAULT_LEVELS: Readonly<{
  DEBUG: number;
  INFO: number;
  SUCCESS: number;
  WARNING: number;
  ERROR: number;
}> = Object.freeze({ DEBUG, INFO, SUCCESS, WARNING, ERROR });
