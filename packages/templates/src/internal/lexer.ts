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
const isAsciiSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code >= 28 && code <= 31);

/** Python `str.strip()`. */
export function pyStripText(text: string): string {
  // Tag contents are ASCII-bounded almost always: trim those by hand, and leave any other
  // boundary (Unicode spaces, U+0085) to the regular expression.
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  if (start < end && (text.charCodeAt(start) >= 128 || text.charCodeAt(end - 1) >= 128))
    return text.replace(STRIP_RE, '');
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The end of each tag kind, by the character after its `{`. */
const CLOSERS: Record<number, string> = { 37: '%}', 123: '}}', 35: '#}' };

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
  let newline = -2;
  const closerAt: Record<string, number> = { '%}': -2, '}}': -2, '#}': -2 };
  const pushText = (end: number): void => {
    const text = source.slice(textStart, end);
    tokens.push({ type: TEXT, contents: text, line, offset: textStart });
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
  };
  for (let open = source.indexOf('{'); open !== -1; open = source.indexOf('{', open + 1)) {
    const closer = CLOSERS[source.charCodeAt(open + 1)];
    if (closer === undefined) continue;
    let close = closerAt[closer]!;
    if (close !== -1 && close < open + 2)
      close = closerAt[closer] = source.indexOf(closer, open + 2);
    if (close === -1) continue;
    if (newline !== -1 && newline < open + 2) newline = source.indexOf('\n', open + 2);
    if (newline !== -1 && newline < close) continue;
    if (open > textStart) pushText(open);
    const bit = source.slice(open, close + 2);
    textStart = close + 2;
    let token: Token | undefined;
    let blockContent = '';
    if (closer === '%}') {
      blockContent = pyStripText(bit.slice(2, -2));
      if (verbatim !== false && blockContent === verbatim) verbatim = false;
    }
    if (verbatim === false) {
      if (closer === '}}') {
        token = { type: VAR, contents: pyStripText(bit.slice(2, -2)), line, offset: open };
      } else if (closer === '%}') {
        const head = blockContent.slice(0, 9);
        if (head === 'verbatim' || head === 'verbatim ') verbatim = `end${blockContent}`;
        token = { type: BLOCK, contents: blockContent, line, offset: open };
      } else {
        token = { type: COMMENT, contents: '', line, offset: open };
      }
    }
    tokens.push(token ?? { type: TEXT, contents: bit, line, offset: open });
    open = close + 1;
  }
  if (textStart < source.length) pushText(source.length);
  return tokens;
}
