/**
 * Python's `pprint.pformat(value)` (width 80, indent 1, dict keys sorted): the repr when it fits,
 * otherwise lists, dicts and sets one item per line and long strings split at whitespace into
 * implicitly concatenated pieces, following CPython's `PrettyPrinter`.
 *
 * @module
 */
import { SAFE_STRING as SAFE, isPlainObject, pyRepr } from '@reins/core';
import { compare } from './python-compare.js';
import { PythonError } from './python-errors.js';
import { pyTypeName } from './python-number.js';
import { pySplitlines, pyStrLen } from './python-text.js';

const WIDTH = 80;
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

/**
 * CPython's PrettyPrinter recomputes the whole repr of every container it descends into, which is
 * quadratic on deep nesting; only the repr's length is needed there, so it is computed once per
 * container and remembered, and the repr itself is built only where it is printed (at most a line).
 */
class Printer {
  out = '';
  /** Each container's repr length and height (1 + the deepest container inside it). */
  private readonly lengths = new Map<object, { length: number; height: number }>();

  constructor(private readonly maxDepth: number) {}

  private tooDeep(): PythonError {
    return new PythonError(
      'RecursionError',
      `maximum recursion depth exceeded: values nested more than ${this.maxDepth} levels deep (or containing themselves) are not formatted`,
    );
  }

  /** `len(saferepr(value))`; throws RecursionError past the nesting bound (or on a cycle). */
  private reprLen(value: unknown, depth: number): number {
    return this.measure(value, depth).length;
  }

  private measure(value: unknown, depth: number): { length: number; height: number } {
    if (typeof value !== 'object' || value === null) {
      return { length: pyStrLen(pyRepr(value)), height: 0 };
    }
    const known = this.lengths.get(value);
    if (known !== undefined) {
      // A container shared at several depths must respect the bound at each of them.
      if (depth + known.height > this.maxDepth) throw this.tooDeep();
      return known;
    }
    const items = dictItems(value);
    let result: { length: number; height: number };
    if (items !== undefined || Array.isArray(value)) {
      if (depth >= this.maxDepth) throw this.tooDeep();
      let length = 2;
      let inner = 0;
      const add = (child: unknown): void => {
        const m = this.measure(child, depth + 1);
        length += m.length;
        if (m.height > inner) inner = m.height;
      };
      const count = items !== undefined ? items.length : (value as unknown[]).length;
      if (items !== undefined) {
        for (const [k, v] of items) {
          add(k);
          add(v);
          length += 2;
        }
      } else for (const item of value as unknown[]) add(item);
      if (count > 1) length += 2 * (count - 1);
      result = { length, height: inner + 1 };
    } else result = { length: pyStrLen(pyRepr(value)), height: 0 };
    this.lengths.set(value, result);
    return result;
  }

  format(value: unknown, indent: number, allowance: number, level: number): void {
    if (this.reprLen(value, level) > WIDTH - indent - allowance) {
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
    this.out += safeRepr(value);
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
 * Python `pprint.pformat(value)`; containers nested deeper than `maxDepth` raise `RecursionError`,
 * as Python does past its recursion limit.
 *
 * @example
 * pyPformat({ b: 1, a: 2 }); // "{'a': 2, 'b': 1}"
 */
export function pyPformat(value: unknown, maxDepth = Number.POSITIVE_INFINITY): string {
  const printer = new Printer(maxDepth);
  printer.format(value, 0, 0, 0);
  return printer.out;
}
