// The implementation before the linear-time rewrite (commit 28b5e65), kept unchanged as the
// oracle the hostile property tests compare the new code with on small inputs.
/**
 * Word filters: `wordcount` (Python's `len(str.split())`) and `wordwrap` (Django's `wrap`, i.e.
 * Python's `textwrap.TextWrapper(width, break_long_words=False, break_on_hyphens=False)` applied
 * line by line, existing line breaks kept).
 *
 * @module
 */
import { PythonError } from '../../../src/internal/python-errors.js';
import { pyStrip } from '../../../src/internal/python-number.js';
import { pyExpandtabs, pySplitlines, pyStrLen } from '../../../src/internal/python-text.js';

// eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
const TEXTWRAP_SPACE = /[\t\n\x0b\x0c\r]/g;
// eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
const TEXTWRAP_SPLIT = /([\t\n\x0b\x0c\r ]+)/;

function wrapLine(line: string, width: number): string[] {
  const munged = pyExpandtabs(line, 8).replace(TEXTWRAP_SPACE, ' ');
  const chunks = munged.split(TEXTWRAP_SPLIT).filter((c) => c !== '');
  chunks.reverse();
  const lines: string[] = [];
  while (chunks.length > 0) {
    const current: string[] = [];
    let currentLen = 0;
    if (lines.length > 0 && pyStrip(chunks[chunks.length - 1]!) === '') chunks.pop();
    while (chunks.length > 0) {
      const len = pyStrLen(chunks[chunks.length - 1]!);
      if (currentLen + len > width) break;
      current.push(chunks.pop()!);
      currentLen += len;
    }
    // Long words are never broken: an over-long word goes alone on its line.
    if (chunks.length > 0 && pyStrLen(chunks[chunks.length - 1]!) > width && current.length === 0) {
      current.push(chunks.pop()!);
    }
    if (current.length > 0 && pyStrip(current[current.length - 1]!) === '') current.pop();
    if (current.length > 0) lines.push(current.join(''));
  }
  return lines;
}

/**
 * Wrap text at `width` columns, keeping existing line breaks (Django's `django.utils.text.wrap`).
 *
 * @throws {PythonError} `ValueError` when `width` is not positive, as textwrap does.
 * @example
 * wrapText('a long line', 6); // 'a long\nline'
 */
export function wrapText(text: string, width: number): string {
  if (width <= 0) throw new PythonError('ValueError', `invalid width ${width} (must be > 0)`);
  const result: string[] = [];
  for (const line of pySplitlines(text, true)) result.push(...wrapLine(line, width));
  return result.join('\n');
}
