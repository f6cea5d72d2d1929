/**
 * HTML for responses: the `html` tagged template, built on `@reins/core`'s safe strings
 * (`SafeString`, `markSafe`, `escape`, `conditionalEscape`, `isSafe`), which `@reins/http` re-exports
 * so a view needs one import.
 *
 * @module
 */
import { escapeHtml, isSafe, SafeString } from '@reins/core';

export { conditionalEscape, escape, isSafe, markSafe, SafeString } from '@reins/core';

function interpolate(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (isSafe(value)) return value.toString();
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += interpolate(item);
    return out;
  }
  // Any other value interpolates as JavaScript's template literals would show it.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return escapeHtml(String(value));
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
  return new SafeString(out);
}
