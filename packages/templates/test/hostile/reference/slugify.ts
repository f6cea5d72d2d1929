// The implementation before the linear-time rewrite (commit 28b5e65), kept unchanged as the
// oracle the hostile property tests compare the new code with on small inputs.
/**
 * `slugify`: Django's `django.utils.text.slugify` — NFKD-normalise and drop what is not ASCII,
 * lower-case, remove everything but word characters, whitespace and hyphens, collapse runs of
 * whitespace and hyphens into one `-`, strip leading and trailing `-` and `_`.
 *
 * @module
 */

// After the ASCII step, Python's Unicode \s still matches \x1c-\x1f (str.isspace()).
// eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
const NON_ASCII = /[^\x00-\x7f]/g;
// eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
const DISALLOWED = /[^\w\s\x1c-\x1f-]/g;
// eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
const SEPARATORS = /[-\s\x1c-\x1f]+/g;
const EDGES = /^[-_]+|[-_]+$/g;

/**
 * Make a URL slug of text, as Django's `slugify`.
 *
 * @example
 * slugifyText(' Héllo, Wörld! '); // 'hello-world'
 */
export function slugifyText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(NON_ASCII, '')
    .toLowerCase()
    .replace(DISALLOWED, '')
    .replace(SEPARATORS, '-')
    .replace(EDGES, '');
}
