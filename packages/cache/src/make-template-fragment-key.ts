/**
 * Django's `make_template_fragment_key`: the key `{% cache %}` stores a fragment under, so code
 * can invalidate it.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { pyStr } from '@reins/core';

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
