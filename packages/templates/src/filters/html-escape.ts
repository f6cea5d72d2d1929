/**
 * Safety filters: `escape` (escape unless already safe), `force_escape` (escape now, even safe
 * text), `safe` (mark safe) and `safeseq` (mark each item safe).
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { pyList } from '../internal/python-iter.js';
import { conditionalEscape, escape as escapeText, isSafe, markSafe } from '@reins/core';

/** `{{ value|escape }}` — HTML-escape, once: already-safe input is left as it is. */
export const escape: FilterSpec = {
  fn: (value) => conditionalEscape(isSafe(value) ? value : stringValue(value)),
  isSafe: true,
  arg: 'none',
};

/** `{{ value|force_escape }}` — HTML-escape immediately, even safe text (so twice escapes twice). */
export const forceEscape: FilterSpec = {
  fn: (value) => escapeText(isSafe(value) ? String(value) : stringValue(value)),
  isSafe: true,
  arg: 'none',
};

/** `{{ value|safe }}` — mark the value's text as safe. */
export const safe: FilterSpec = {
  fn: (value) => markSafe(isSafe(value) ? value : stringValue(value)),
  isSafe: true,
  arg: 'none',
};

/** `{{ list|safeseq }}` — a list of each item's text, marked safe. */
export const safeseq: FilterSpec = {
  fn: (value) => pyList(value).map((item) => markSafe(item)),
  isSafe: true,
  arg: 'none',
};
