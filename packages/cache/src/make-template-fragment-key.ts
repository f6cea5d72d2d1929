/**
 * Django's `make_template_fragment_key`: the key `{% cache %}` stores a fragment under, so code
 * can invalidate it.
 *
 * @module
 */
import { createHash } from 'node:crypto';

/** Python's `str()` of the values a template passes. */
function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  // Python's str() of anything else: a number's digits, an object's own toString.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}

/**
 * `'template.cache.<name>.<md5 of the vary-on values>'`.
 *
 * @example
 * await cache.delete(makeTemplateFragmentKey('sidebar', [username]));
 */
export function makeTemplateFragmentKey(
  fragmentName: string,
  varyOn?: readonly unknown[] | null,
): string {
  const hasher = createHash('md5');
  if (varyOn != null) {
    for (const arg of varyOn) {
      hasher.update(pyStr(arg), 'utf8');
      hasher.update(':');
    }
  }
  return `template.cache.${fragmentName}.${hasher.digest('hex')}`;
}
