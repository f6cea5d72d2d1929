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

// Python's `.` matches anything but `\n`; JS's `.` also stops at `\r`, U+2028 and U+2029.
const TAG_RE = /(\{%[^\n]*?%\}|\{\{[^\n]*?\}\}|\{#[^\n]*?#\})/;
// Python's str.strip() whitespace set.
const PY_WS = '[\\s\\x1c-\\x1f\\x85]';
const STRIP_RE = new RegExp(`^${PY_WS}+|${PY_WS}+$`, 'gu');

/** Python `str.strip()`. */
export function pyStripText(text: string): string {
  return text.replace(STRIP_RE, '');
}

/** Tokenize a template source. */
export function tokenize(source: string): Token[] {
  const bits = source.split(TAG_RE);
  const tokens: Token[] = [];
  let inTag = false;
  let line = 1;
  let offset = 0;
  let verbatim: string | false = false;
  for (const bit of bits) {
    if (bit) {
      let token: Token | undefined;
      if (inTag) {
        let blockContent = '';
        if (bit.startsWith('{%')) {
          blockContent = pyStripText(bit.slice(2, -2));
          if (verbatim !== false && blockContent === verbatim) verbatim = false;
        }
        if (verbatim === false) {
          if (bit.startsWith('{{')) {
            token = { type: VAR, contents: pyStripText(bit.slice(2, -2)), line, offset };
          } else if (bit.startsWith('{%')) {
            const head = blockContent.slice(0, 9);
            if (head === 'verbatim' || head === 'verbatim ') verbatim = `end${blockContent}`;
            token = { type: BLOCK, contents: blockContent, line, offset };
          } else {
            token = { type: COMMENT, contents: '', line, offset };
          }
        }
      }
      tokens.push(token ?? { type: TEXT, contents: bit, line, offset });
    }
    inTag = !inTag;
    for (let i = bit.indexOf('\n'); i !== -1; i = bit.indexOf('\n', i + 1)) line++;
    offset += bit.length;
  }
  return tokens;
}
