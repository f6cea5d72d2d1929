/**
 * Unicode facts Python's `unicodedata` gives and JavaScript lacks: `combining(ch)` (the canonical
 * combining class is non-zero), derived from the NFD canonical-ordering behaviour so that no table
 * has to be shipped, and cached per character.
 *
 * @module
 */

const MARK = /\p{M}/u;
// U+0345 has the highest canonical combining class (240): NFD moves any mark with a lower
// non-zero class in front of it, and never moves a starter (class 0).
const PROBE = '\u0345';
const cache = new Map<string, boolean>();

/**
 * Tell whether a character has a non-zero canonical combining class (`unicodedata.combining`).
 *
 * @example
 * isCombining('\u0301'); // true
 * isCombining('a'); // false
 */
export function isCombining(ch: string): boolean {
  if (!MARK.test(ch)) return false;
  let result = cache.get(ch);
  if (result === undefined) {
    const nfd = ch.normalize('NFD');
    result = ch === PROBE || `a${PROBE}${ch}`.normalize('NFD') !== `a${PROBE}${nfd}`;
    cache.set(ch, result);
  }
  return result;
}
