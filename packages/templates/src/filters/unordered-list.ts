/**
 * `unordered_list`: a self-nested list (`['States', ['Kansas', ['Lawrence']]]`) as `<li>` items
 * with nested `<ul>`s, indented with tabs, without the outer `<ul>` (Django's `walk_items`
 * pairing: a list right after an item holds that item's children).
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { pyList } from '../internal/python-iter.js';
import { pyBool } from '../internal/python-truth.js';
import { MAX_FILTER_NESTING, nestingTooDeep } from './nesting-limit.js';
import { conditionalEscape, markSafe, pyStr } from '@reins/core';

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

interface Frame {
  readonly items: Generator<[unknown, unknown[] | null]>;
  readonly indent: string;
  readonly output: string[];
  /** The item whose children the frame above this one is formatting. */
  parentItem: unknown;
}

// Django's list_formatter recursion, unrolled onto an explicit stack so that depth costs heap,
// not call stack; the depth is still bounded because the indentation makes output grow with it.
function formatList(list: unknown, escaper: (value: unknown) => string): string {
  const stack: Frame[] = [{ items: walkItems(list), indent: '\t', output: [], parentItem: null }];
  let done = '';
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const next = frame.items.next();
    if (next.done) {
      stack.pop();
      done = frame.output.join('\n');
      const parent = stack[stack.length - 1];
      if (parent === undefined) break;
      const indent = parent.indent;
      const sublist = `\n${indent}<ul>\n${done}\n${indent}</ul>\n${indent}`;
      parent.output.push(`${indent}<li>${escaper(parent.parentItem)}${sublist}</li>`);
      continue;
    }
    const [item, children] = next.value;
    if (children !== null && pyBool(children)) {
      if (stack.length >= MAX_FILTER_NESTING) throw nestingTooDeep('unordered_list');
      frame.parentItem = item;
      stack.push({
        items: walkItems(children),
        indent: `${frame.indent}\t`,
        output: [],
        parentItem: null,
      });
      continue;
    }
    frame.output.push(`${frame.indent}<li>${escaper(item)}</li>`);
  }
  return done;
}

/** `{{ tree|unordered_list }}` — nested `<li>`/`<ul>` markup for a nested list. */
export const unorderedList: FilterSpec = {
  fn: (value, _arg, ctx) =>
    markSafe(formatList(value, ctx.autoescape ? (item) => String(conditionalEscape(item)) : pyStr)),
  isSafe: true,
  needsAutoescape: true,
  arg: 'none',
};
