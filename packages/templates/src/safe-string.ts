/**
 * Safe strings: text already fit for HTML, which autoescaping must not touch again. The brand is the
 * registry symbol `Symbol.for('reins.SafeString')`, so a value made by `@reins/http`'s `html` tag (or
 * by a second copy of this package) is recognised too. `escape` / `conditionalEscape` follow
 * `django.utils.html`: five characters are replaced and the result is marked safe.
 *
 * @module
 */
import { fastEscape } from './internal/fast-escape.js';
import { pyStr } from './internal/python-str.js';

const SAFE: unique symbol = Symbol.for('reins.SafeString');

/**
 * Text marked as safe for HTML output (Django's `SafeString`); autoescaping leaves it alone.
 *
 * @example
 * const s = new SafeString('<b>hi</b>');
 * String(s); // '<b>hi</b>'
 */
export class SafeString {
  readonly [SAFE] = true as const;
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
 * Tell whether a value carries the safe-string brand (ours, `@reins/http`'s `html`, or any copy).
 *
 * @example
 * isSafe(markSafe('<b>')); // true
 * isSafe('<b>'); // false
 */
export function isSafe(value: unknown): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as { [SAFE]?: unknown })[SAFE] === true
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
 * Replace Django's five HTML characters in a plain string and return a plain string (the hot path
 * of autoescaping; `escape` wraps it).
 *
 * @example
 * escapeHtml(`<a href="x">'&'</a>`); // '&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;'
 */
export function escapeHtml(text: string): string {
  return fastEscape(text);
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
