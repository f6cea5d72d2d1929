/**
 * Line filters: `linebreaks` (paragraphs and `<br>`), `linebreaksbr` (`<br>` only) and
 * `linenumbers` (zero-padded `N. ` prefixes). Each escapes its input first when autoescaping is on
 * and the input is not already safe, and returns safe HTML.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { escapeHtml, isSafe, markSafe } from '@reins/core';

const NEWLINES = /\r\n|\r/g;
const PARAGRAPH_BREAK = /\n{2,}/;

/** Django's `normalize_newlines`: `\r\n` and `\r` become `\n`. */
export function normalizeNewlines(text: string): string {
  return text.replace(NEWLINES, '\n');
}

/**
 * Django's `django.utils.html.linebreaks`: blank-line separated paragraphs in `<p>`, single
 * newlines as `<br>`.
 *
 * @example
 * linebreaksHtml('a\nb\n\nc', false); // '<p>a<br>b</p>\n\n<p>c</p>'
 */
export function linebreaksHtml(text: string, autoescape: boolean): string {
  return normalizeNewlines(text)
    .split(PARAGRAPH_BREAK)
    .map((p) => `<p>${(autoescape ? escapeHtml(p) : p).replace(/\n/g, '<br>')}</p>`)
    .join('\n\n');
}

/** `{{ value|linebreaks }}` — plain text to `<p>` paragraphs and `<br>` line breaks. */
export const linebreaks: FilterSpec = {
  fn: (value, _arg, ctx) =>
    markSafe(linebreaksHtml(stringValue(value), ctx.autoescape && !isSafe(value))),
  isSafe: true,
  needsAutoescape: true,
  arg: 'none',
};

/** `{{ value|linebreaksbr }}` — every newline becomes `<br>`. */
export const linebreaksbr: FilterSpec = {
  fn: (value, _arg, ctx) => {
    let text = normalizeNewlines(stringValue(value));
    if (ctx.autoescape && !isSafe(value)) text = escapeHtml(text);
    return markSafe(text.replace(/\n/g, '<br>'));
  },
  isSafe: true,
  needsAutoescape: true,
  arg: 'none',
};

/** `{{ value|linenumbers }}` — prefix each line with its number, padded to the widest. */
export const linenumbers: FilterSpec = {
  fn: (value, _arg, ctx) => {
    const lines = stringValue(value).split('\n');
    const width = String(lines.length).length;
    const escapeLines = ctx.autoescape && !isSafe(value);
    return markSafe(
      lines
        .map(
          (line, i) =>
            `${String(i + 1).padStart(width, '0')}. ${escapeLines ? escapeHtml(line) : line}`,
        )
        .join('\n'),
    );
  },
  isSafe: true,
  needsAutoescape: true,
  arg: 'none',
};
