/**
 * `json_script`: the value as JSON (Python's `json.dumps` layout) inside
 * `<script id="…" type="application/json">`, with `<`, `>` and `&` written as `\u003C`-style
 * escapes so the text cannot close the script element. Django 3.2 requires the id argument.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { pyJsonDumps } from '../internal/python-json.js';
import { conditionalEscape, markSafe } from '@reins/core';

const SCRIPT_SPECIAL = /[<>&]/g;
const SCRIPT_ESCAPES: Record<string, string> = { '<': '\\u003C', '>': '\\u003E', '&': '\\u0026' };

/** `{{ value|json_script:"id" }}` — a JSON `<script>` element, safe to embed in HTML. */
export const jsonScript: FilterSpec = {
  fn: (value, arg) => {
    const json = pyJsonDumps(value).replace(SCRIPT_SPECIAL, (ch) => SCRIPT_ESCAPES[ch]!);
    return markSafe(
      `<script id="${String(conditionalEscape(arg))}" type="application/json">${json}</script>`,
    );
  },
  isSafe: true,
  arg: 'required',
};
