/**
 * Django's `Token.split_contents()`: split tag contents on whitespace while keeping quoted strings
 * (with backslash escapes) together, and re-joining the pieces of a `_("…")` translation call.
 *
 * @module
 */

const SMART_SPLIT_RE = /((?:[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+)|\S+)/gsu;

/**
 * Split ASCII `text` on runs of the codes `isSpace` accepts, or `undefined` when the regular
 * expressions must (a non-ASCII character; with `quotes`, a backslash or a quote left open). With
 * `quotes`, a quoted string is part of its bit, spaces included, as in Django's pattern. Tag
 * contents are almost always plain ASCII (`for item in items`, `extends "base.html"`): scanning
 * them by hand skips a regular expression run per tag — and on a process's first template, the
 * compilation of a Unicode pattern, a sixth of that first compile + render.
 */
function splitAscii(
  text: string,
  isSpace: (code: number) => boolean,
  quotes: boolean,
): string[] | undefined {
  // A backslash may escape a quote inside a quoted string: the pattern reads those.
  if (quotes && text.includes('\\')) return undefined;
  const bits: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return undefined;
    if (quotes && (code === 34 || code === 39)) {
      const close = text.indexOf(code === 34 ? '"' : "'", i + 1);
      if (close === -1) return undefined;
      if (start === -1) start = i;
      i = close;
    } else if (isSpace(code)) {
      if (start !== -1) bits.push(text.slice(start, i));
      start = -1;
    } else if (start === -1) start = i;
  }
  if (start !== -1) bits.push(start === 0 ? text : text.slice(start));
  return bits;
}

/** JavaScript's `\s` among ASCII codes (what the pattern's `\S+` splits on). */
const isJsSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);

/** Python's `str.split()` whitespace among ASCII codes (it adds U+001C–U+001F). */
const isPySpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code >= 28 && code <= 31);

/** Split tag contents into bits. */
export function splitContents(contents: string): string[] {
  const raw = splitAscii(contents, isJsSpace, true) ?? contents.match(SMART_SPLIT_RE) ?? [];
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
  return (
    splitAscii(text, isPySpace, false) ??
    text.split(PY_WHITESPACE_RUN).filter((part) => part !== '')
  );
}
