/**
 * `slugify`: Django's `django.utils.text.slugify` — NFKD-normalise and drop what is not ASCII,
 * lower-case, remove everything but word characters, whitespace and hyphens, collapse runs of
 * whitespace and hyphens into one `-`, strip leading and trailing `-` and `_`.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';

// After the ASCII step, Python's Unicode \s still matches \x1c-\x1f (str.isspace()).
// eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
const NON_ASCII = /[^\x00-\x7f]/g;
// eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
const DISALLOWED = /[^\w\s\x1c-\x1f-]/g;
// eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
const SEPARATORS = /[-\s\x1c-\x1f]+/g;

// Python's strip('-_'); the regex /[-_]+$/ retries from every '-' or '_' and is quadratic on long
// runs of underscores that do not end the text.
function stripDashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === '-' || text[start] === '_')) start += 1;
  while (end > start && (text[end - 1] === '-' || text[end - 1] === '_')) end -= 1;
  return text.slice(start, end);
}

/**
 * Make a URL slug of text, as Django's `slugify`.
 *
 * @example
 * slugifyText(' Héllo, Wörld! '); // 'hello-world'
 */
export function slugifyText(text: string): string {
  return stripDashes(
    text
      .normalize('NFKD')
      .replace(NON_ASCII, '')
      .toLowerCase()
      .replace(DISALLOWED, '')
      .replace(SEPARATORS, '-'),
  );
}

/** `{{ value|slugify }}` — `Joel is a slug` → `joel-is-a-slug`. */
export const slugify: FilterSpec = {
  fn: (value) => slugifyText(stringValue(value)),
  isSafe: true,
  arg: 'none',
};
