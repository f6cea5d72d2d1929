/**
 * Python's `str.capitalize()`, which the tutorial's views used: the first character upper-cased,
 * the rest lower-cased (`ALICE` → `Alice`, `café` → `Café`). Works on code points, so an astral
 * first character is not split.
 */
export function capitalize(text: string): string {
  const [first = '', ...rest] = Array.from(text);
  return first.toUpperCase() + rest.join('').toLowerCase();
}
