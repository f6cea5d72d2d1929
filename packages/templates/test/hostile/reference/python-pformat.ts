// The implementation before the linear-time rewrite (commit 28b5e65), kept unchanged as the
// oracle the hostile property tests compare the new code with on small inputs.
/**
 * Python's `pprint.pformat(value)` (width 80, indent 1, dict keys sorted): the repr when it fits,
 * otherwise lists, dicts and sets one item per line and long strings split at whitespace into
 * implicitly concatenated pieces, following CPython's `PrettyPrinter`.
 *
 * @module
 */
import { compare } from '../../../src/internal/python-compare.js';
import { PythonError } from '../../../src/internal/python-errors.js';
import { pyTypeName } from '../../../src/internal/python-number.js';
import { isPlainObject, pyRepr } from '@reins/core';
import { pySplitlines, pyStrLen } from '../../../src/internal/python-text.js';

const WIDTH = 80;
const SAFE = Symbol.for('reins.SafeString');

function safeKeyCompare(a: unknown, b: unknown): number {
  try {
    return compare(a, b);
  } catch (error) {
    if (!PythonError.isInstance(error)) throw error;
    // pprint's _safe_key falls back to ordering by type name.
    const x = pyTypeName(a);
    const y = pyTypeName(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
}

function dictItems(value: unknown): Array<[unknown, unknown]> | undefined {
  if (value instanceof Map) return [...value.entries()];
  if (isPlainObject(value)) return Object.keys(value).map((k) => [k, value[k]]);
  return undefined;
}

function sortedItems(items: Array<[unknown, unknown]>): Array<[unknown, unknown]> {
  return [...items].sort((a, b) => safeKeyCompare(a[0], b[0]));
}

/** The one-line repr pprint uses (dict keys sorted at every depth). */
function safeRepr(value: unknown): string {
  const items = dictItems(value);
  if (items) {
    return `{${sortedItems(items)
      .map(([k, v]) => `${safeRepr(k)}: ${safeRepr(v)}`)
      .join(', ')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(safeRepr).join(', ')}]`;
  return pyRepr(value);
}

class Printer {
  out = '';

  format(value: unknown, indent: number, allowance: number, level: number): void {
    const rep = safeRepr(value);
    if (pyStrLen(rep) > WIDTH - indent - allowance) {
      const items = dictItems(value);
      if (items) return this.dict(items, indent, allowance, level + 1);
      if (Array.isArray(value)) {
        this.out += '[';
        this.items(value, indent, allowance + 1, level + 1);
        this.out += ']';
        return;
      }
      if (value instanceof Set && value.size > 0) {
        this.out += '{';
        this.items([...value].sort(safeKeyCompare), indent, allowance + 1, level + 1);
        this.out += '}';
        return;
      }
      const text =
        typeof value === 'string'
          ? value
          : typeof value === 'object' &&
              value !== null &&
              (value as { [SAFE]?: unknown })[SAFE] === true
            ? // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Python's str() of an object: its own toString stands for __str__
              String(value)
            : undefined;
      if (text !== undefined && text.length > 0)
        return this.str(text, indent, allowance, level + 1);
    }
    this.out += rep;
  }

  private dict(
    items: Array<[unknown, unknown]>,
    indent: number,
    allowance: number,
    level: number,
  ): void {
    this.out += '{';
    const sorted = sortedItems(items);
    const inner = indent + 1;
    sorted.forEach(([key, entry], i) => {
      const last = i === sorted.length - 1;
      const rep = safeRepr(key);
      this.out += `${rep}: `;
      this.format(entry, inner + pyStrLen(rep) + 2, last ? allowance + 1 : 1, level);
      if (!last) this.out += `,\n${' '.repeat(inner)}`;
    });
    this.out += '}';
  }

  private items(items: readonly unknown[], indent: number, allowance: number, level: number): void {
    const inner = indent + 1;
    items.forEach((item, i) => {
      const last = i === items.length - 1;
      if (i > 0) this.out += `,\n${' '.repeat(inner)}`;
      this.format(item, inner, last ? allowance : 1, level);
    });
  }

  private str(text: string, indent0: number, allowance0: number, level: number): void {
    let indent = indent0;
    let allowance = allowance0;
    const chunks: string[] = [];
    const lines = pySplitlines(text, true);
    if (level === 1) {
      indent += 1;
      allowance += 1;
    }
    const maxWidth = WIDTH - indent;
    let maxWidth1 = maxWidth;
    let rep = '';
    lines.forEach((line, i) => {
      rep = pyRepr(line);
      if (i === lines.length - 1) maxWidth1 -= allowance;
      if (pyStrLen(rep) <= maxWidth1) {
        chunks.push(rep);
        return;
      }
      const parts = line
        .match(/\S*\s*/gu)!
        .filter((part, j, all) => j < all.length - 1 || part !== '');
      let maxWidth2 = maxWidth;
      let current = '';
      parts.forEach((part, j) => {
        const candidate = current + part;
        if (j === parts.length - 1 && i === lines.length - 1) maxWidth2 -= allowance;
        if (pyStrLen(pyRepr(candidate)) > maxWidth2) {
          if (current) chunks.push(pyRepr(current));
          current = part;
        } else current = candidate;
      });
      if (current) chunks.push(pyRepr(current));
    });
    if (chunks.length === 1) {
      this.out += rep;
      return;
    }
    if (level === 1) this.out += '(';
    this.out += chunks.join(`\n${' '.repeat(indent)}`);
    if (level === 1) this.out += ')';
  }
}

/**
 * Python `pprint.pformat(value)`.
 *
 * @example
 * pyPformat({ b: 1, a: 2 }); // "{'a': 2, 'b': 1}"
 */
export function pyPformat(value: unknown): string {
  const printer = new Printer();
  printer.format(value, 0, 0, 0);
  return printer.out;
}
