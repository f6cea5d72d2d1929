/**
 * Render time of `{% lorem %}`: words or paragraphs of lorem ipsum.
 *
 * @module
 */
import { paragraphs, words } from '../internal/lorem.js';
import { pyInt } from '../internal/python-number.js';

/** `{% lorem %}`. */
export function loremText(count: unknown, method: string, common: boolean): string {
  let n: number;
  try {
    n = pyInt(count);
  } catch {
    n = 1;
  }
  if (method === 'w') return words(n, common);
  let paras = paragraphs(n, common);
  if (method === 'p') paras = paras.map((p) => `<p>${p}</p>`);
  return paras.join('\n\n');
}
