/**
 * HTML escaping (`escape`, `conditionalEscape`) and the safe-string brand shared with
 * `@reins/templates`: an object carrying `[Symbol.for('reins.SafeString')]: true` whose
 * `toString()` is text already safe to put in HTML.
 *
 * @module
 */

/** The brand every reins package recognises a safe string by. */
export const SAFE_STRING: unique symbol = Symbol.for('reins.SafeString') as never;

/** Text that is already safe to insert into HTML (recognised by its brand, never `instanceof`). */
export interface SafeString {
  readonly [SAFE_STRING]: true;
  toString(): string;
}

class SafeHtml implements SafeString {
  readonly [SAFE_STRING] = true as const;
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
  toJSON(): string {
    return this.#text;
  }
  get length(): number {
    return this.#text.length;
  }
}

/**
 * Mark `text` as safe HTML, so `html` and templates insert it unescaped.
 *
 * @example
 * html`<p>${markSafe('<b>bold</b>')}</p>`.toString(); // '<p><b>bold</b></p>'
 */
export function markSafe(text: string): SafeString {
  return new SafeHtml(text);
}

/**
 * Whether `value` carries the safe-string brand.
 *
 * @example
 * isSafe(html`<p></p>`); // true
 */
export function isSafe(value: unknown): value is SafeString {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[SAFE_STRING] === true
  );
}

const SPECIAL = /[&<>"']/;
const SPECIAL_GLOBAL = /[&<>"']/g;
const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

function replace(char: string): string {
  return REPLACEMENTS[char]!;
}

/** Escape the five HTML-special characters of `text` (a plain string). */
export function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_GLOBAL, replace) : text;
}

/**
 * Escape `&`, `<`, `>`, `"` and `'` for HTML (Django's `escape()`), returning a safe string.
 * Like Django, it escapes even a value already marked safe; use {@link conditionalEscape} to keep those.
 *
 * @example
 * escape('<a href="x">').toString(); // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escape(value: unknown): SafeString {
  return new SafeHtml(escapeText(String(value)));
}

/**
 * Escape `value` unless it is already a safe string (Django's `conditional_escape()`).
 *
 * @example
 * conditionalEscape(markSafe('<b>')).toString(); // '<b>'
 */
export function conditionalEscape(value: unknown): SafeString {
  return isSafe(value) ? value : new SafeHtml(escapeText(String(value)));
}

function interpolate(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (isSafe(value)) return value.toString();
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += interpolate(item);
    return out;
  }
  return escapeText(String(value));
}

/**
 * A tagged template for HTML: each interpolation is escaped unless it is a safe string, arrays
 * are joined (each item escaped), `null`, `undefined` and `false` render nothing. The result is
 * a safe string, so nesting does not escape twice and templates do not re-escape it.
 *
 * @example
 * const name = '<script>';
 * new HttpResponse(html`<p>Hello, ${name}!</p>`); // <p>Hello, &lt;script&gt;!</p>
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeString {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += interpolate(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}
