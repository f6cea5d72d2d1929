/**
 * Splits template source into TEXT, VAR, BLOCK and COMMENT tokens the way Django's `Lexer` does:
 * one non-greedy pattern that never crosses a newline, contents stripped of Python whitespace, and a
 * verbatim mode during which every tag is text until its matching `end…` tag.
 *
 * @module
 */

export const TEXT = 0;
export const VAR = 1;
export const BLOCK = 2;
export const COMMENT = 3;

/** One token with its 1-based line and the offset of its first character in the source. */
export interface Token {
  type: 0 | 1 | 2 | 3;
  contents: string;
  line: number;
  offset: number;
}

// Python's str.strip() whitespace set.
const PY_WS = '[\\s\\x1c-\\x1f\\x85]';
const STRIP_RE = new RegExp(`^${PY_WS}+|${PY_WS}+$`, 'gu');

/** Whether an ASCII code is Python whitespace (`\t\n\v\f\r`, U+001C–U+001F, space). */
export const isAsciiSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code >= 28 && code <= 31);

/** Python `str.strip()`. */
export function pyStripText(text: string): string {
  return stripSlice(text, 0, text.length);
}

/**
 * `pyStripText(source.slice(start, end))`, slicing once. Tag contents are ASCII-bounded almost
 * always: trim those by hand, and leave any other boundary (Unicode spaces, U+0085) to the
 * regular expression.
 */
function stripSlice(source: string, start: number, end: number): string {
  while (start < end && isAsciiSpace(source.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(source.charCodeAt(end - 1))) end--;
  if (start < end && (source.charCodeAt(start) >= 128 || source.charCodeAt(end - 1) >= 128))
    return source.slice(start, end).replace(STRIP_RE, '');
  return start === 0 && end === source.length ? source : source.slice(start, end);
}

/** Add the number of newlines in `source` between `start` and `end` to `line`. */
function linesAfter(source: string, start: number, end: number, line: number): number {
  for (let i = source.indexOf('\n', start); i !== -1 && i < end; i = source.indexOf('\n', i + 1))
    line++;
  return line;
}

/**
 * Tokenize a template source. A tag is `{%…%}`, `{{…}}` or `{#…#}` on one line, ending at the
 * first closer (Django's non-greedy pattern, which never crosses a newline); found with
 * `indexOf` rather than a regular expression split, and each search's answer is kept until the
 * scan passes it, so that the work stays linear in the source.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let verbatim: string | false = false;
  let textStart = 0;
  // The next newline and closers at or after the current tag's contents (-2: not searched yet).
  let newline = -2;
  let blockEnd = -2;
  let varEnd = -2;
  let commentEnd = -2;
  for (let open = source.indexOf('{'); open !== -1; open = source.indexOf('{', open + 1)) {
    const kind = source.charCodeAt(open + 1);
    let close: number;
    if (kind === 37 /* % */) {
      if (blockEnd !== -1 && blockEnd < open + 2) blockEnd = source.indexOf('%}', open + 2);
      close = blockEnd;
    } else if (kind === 123 /* { */) {
      if (varEnd !== -1 && varEnd < open + 2) varEnd = source.indexOf('}}', open + 2);
      close = varEnd;
    } else if (kind === 35 /* # */) {
      if (commentEnd !== -1 && commentEnd < open + 2) commentEnd = source.indexOf('#}', open + 2);
      close = commentEnd;
    } else continue;
    if (close === -1) continue;
    if (newline !== -1 && newline < open + 2) newline = source.indexOf('\n', open + 2);
    if (newline !== -1 && newline < close) continue;
    if (open > textStart) {
      tokens.push({ type: TEXT, contents: source.slice(textStart, open), line, offset: textStart });
      line = linesAfter(source, textStart, open, line);
    }
    textStart = close + 2;
    let token: Token | undefined;
    let blockContent = '';
    if (kind === 37) {
      blockContent = stripSlice(source, open + 2, close);
      if (verbatim !== false && blockContent === verbatim) verbatim = false;
    }
    if (verbatim === false) {
      if (kind === 123) {
        token = { type: VAR, contents: stripSlice(source, open + 2, close), line, offset: open };
      } else if (kind === 37) {
        const head = blockContent.slice(0, 9);
        if (head === 'verbatim' || head === 'verbatim ') verbatim = `end${blockContent}`;
        token = { type: BLOCK, contents: blockContent, line, offset: open };
      } else {
        token = { type: COMMENT, contents: '', line, offset: open };
      }
    }
    tokens.push(
      token ?? { type: TEXT, contents: source.slice(open, close + 2), line, offset: open },
    );
    open = close + 1;
  }
  if (textStart < source.length)
    tokens.push({ type: TEXT, contents: source.slice(textStart), line, offset: textStart });
  return tokens;
}
