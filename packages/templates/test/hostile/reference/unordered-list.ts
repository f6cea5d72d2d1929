// The implementation before the linear-time rewrite (commit 28b5e65), kept unchanged as the
// oracle the hostile property tests compare the new code with on small inputs.
/**
 * `unordered_list`: a self-nested list (`['States', ['Kansas', ['Lawrence']]]`) as `<li>` items
 * with nested `<ul>`s, indented with tabs, without the outer `<ul>` (Django's `walk_items`
 * pairing: a list right after an item holds that item's children).
 *
 * @module
 */
import type { FilterSpec } from '../../../src/filters/filter-spec.js';
import { conditionalEscape, markSafe, pyStr } from '@reins/core';
import { pyList } from '../../../src/internal/python-iter.js';
import { pyBool } from '../../../src/internal/python-truth.js';

function* walkItems(list: unknown): Generator<[unknown, unknown[] | null]> {
  const items = pyList(list);
  let i = 0;
  if (items.length === 0) return;
  let item = items[i++];
  for (;;) {
    if (i >= items.length) {
      yield [item, null];
      return;
    }
    const next = items[i++];
    if (Array.isArray(next)) {
      yield [item, next];
      if (i >= items.length) return;
      item = items[i++];
      continue;
    }
    yield [item, null];
    item = next;
  }
}

function formatList(list: unknown, tabs: number, escaper: (value: unknown) => string): string {
  const indent = '\t'.repeat(tabs);
  const output: string[] = [];
  for (const [item, children] of walkItems(list)) {
    let sublist = '';
    if (children !== null && pyBool(children)) {
      sublist = `\n${indent}<ul>\n${formatList(children, tabs + 1, escaper)}\n${indent}</ul>\n${indent}`;
    }
    output.push(`${indent}<li>${escaper(item)}${sublist}</li>`);
  }
  return output.join('\n');
}

/** `{{ tree|unordered_list }}` — nested `<li>`/`<ul>` markup for a nested list. */
export const unorderedList: FilterSpec = {
  fn: (value, _arg, ctx) =>
    markSafe(
      formatList(value, 1, ctx.autoescape ? (item) => String(conditionalEscape(item)) : pyStr),
    ),
  isSafe: true,
  needsAutoescape: true,
  arg: 'none',
};
