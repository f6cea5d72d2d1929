/**
 * Safe strings: text already fit for HTML, which autoescaping must not touch again. The brand is the
 * registry symbol {@link SAFE_STRING}, so a value made by `@reins/http`'s `html` tag, by the
 * template engine, or by a second copy of this package is recognised alike. `escape` /
 * `conditionalEscape` follow `django.utils.html`: five characters are replaced and the result is
 * marked safe; a non-string is first converted with Python's `str()`, as Django does.
 *
 * @module
 */
import { SAFE_STRING } from './brand.js';
import { escapeHtml } from './escape-html.js';
import { pyStr } from './python-str.js';

/**
 * Text marked as safe for HTML output (Django's `SafeString`); autoescaping leaves it alone.
 *
 * @example
 * const s = new SafeString('<b>hi</b>');
 * String(s); // '<b>hi</b>'
 */
export class SafeString {
  readonly [SAFE_STRING] = true as const;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  /** The number of UTF-16 code units in the text, as for a string. */
  get length(): number {
    return this.#text.length;
  }

  toString(): string {
    return this.#text;
  }

  /** The text, so `JSON.stringify` and template literals see a string. */
  toJSON(): string {
    return this.#text;
  }

  /** Lets `markSafe(a) + markSafe(b)` concatenate the texts. */
  valueOf(): string {
    return this.#text;
  }
}

/**
 * Tell whether a value carries the safe-string brand (a `SafeString`, the `html` tag's result, or
 * any object from another copy carrying {@link SAFE_STRING}).
 *
 * @example
 * isSafe(markSafe('<b>')); // true
 * isSafe('<b>'); // false
 */
export function isSafe(value: unknown): value is SafeString {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as { [SAFE_STRING]?: unknown })[SAFE_STRING] === true
  );
}

/**
 * Mark a value as safe for HTML (Django's `mark_safe`); a non-string is converted with Python's
 * `str()` first, and an already safe value is returned as it is.
 *
 * @example
 * markSafe('<b>bold</b>'); // SafeString '<b>bold</b>'
 */
export function markSafe(value: unknown): SafeString {
  if (value instanceof SafeString) return value;
  if (isSafe(value)) return new SafeString(String(value));
  return new SafeString(typeof value === 'string' ? value : pyStr(value));
}

/**
 * Escape `& < > " '` as `&amp; &lt; &gt; &quot; &#x27;` and mark the result safe. Like Django's
 * `escape()`, this escapes even text that is already safe; use `conditionalEscape` to keep it.
 *
 * @example
 * String(escape('<b>')); // '&lt;b&gt;'
 */
export function escape(text: unknown): SafeString {
  return new SafeString(escapeHtml(typeof text === 'string' ? text : pyStr(text)));
}

/**
 * Escape a value unless it is already safe (Django's `conditional_escape`); the result is safe.
 *
 * @example
 * String(conditionalEscape('<b>')); // '&lt;b&gt;'
 * String(conditionalEscape(markSafe('<b>'))); // '<b>'
 */
export function conditionalEscape(value: unknown): SafeString {
  return isSafe(value) ? markSafe(value) : escape(value);
}
