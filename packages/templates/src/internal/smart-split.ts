/**
 * Django's `Token.split_contents()`: split tag contents on whitespace while keeping quoted strings
 * (with backslash escapes) together, and re-joining the pieces of a `_("…")` translation call.
 *
 * @module
 */

const SMART_SPLIT_RE = /((?:[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+)|\S+)/gsu;

/** Split tag contents into bits. */
export function splitContents(contents: string): string[] {
  const raw = contents.match(SMART_SPLIT_RE) ?? [];
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let bit = raw[i]!;
    if (bit.startsWith('_("') || bit.startsWith("_('")) {
      const sentinel = `${bit[2]!})`;
      const parts = [bit];
      while (!bit.endsWith(sentinel) && i + 1 < raw.length) {
        bit = raw[++i]!;
        parts.push(bit);
      }
      bit = parts.join(' ');
    }
    out.push(bit);
  }
  return out;
}

// Python's whitespace for str.split(): \s plus the information separators U+001C–U+001F and U+0085.
// eslint-disable-next-line no-control-regex -- Python's str.split() treats these controls as spaces
const PY_WHITESPACE_RUN = /[\s\u001c-\u001f\u0085]+/u;

/** Python `str.split()` with no argument. */
export function pySplit(text: string): string[] {
  return text.split(PY_WHITESPACE_RUN).filter((part) => part !== '');
}
