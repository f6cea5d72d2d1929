/**
 * Python's `json.dumps(value, cls=DjangoJSONEncoder)` with its defaults (`ensure_ascii=True`,
 * separators `', '` and `': '`, `NaN`/`Infinity` allowed), for `json_script`. Dates are encoded as
 * Django's encoder does (ISO 8601, microseconds cut to milliseconds). `pyJsonDumps` is the entry.
 *
 * @module
 */
import { SAFE_STRING as SAFE, isPlainObject, isPyInt, pyFloatRepr, pyNumberStr } from '@reins/core';
import { PythonError } from './python-errors.js';
import { pyTypeName } from './python-number.js';

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f-\uffff]/;
// eslint-disable-next-line no-control-regex
const ESCAPABLE = /[\\"\u0000-\u001f\u007f-\uffff]/g;
const SHORT: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function jsonString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  return `"${text.replace(
    ESCAPABLE,
    (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}"`;
}

function jsonNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return isPyInt(value) ? pyNumberStr(value) : pyFloatRepr(value);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function jsonDate(date: Date): string {
  const base =
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const ms = date.getMilliseconds();
  return ms === 0 ? base : `${base}.${pad(ms, 3)}`;
}

function keyText(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number') return jsonNumber(key);
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (key === null || key === undefined) return 'null';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a branded SafeString: its own toString gives its text
  if (typeof key === 'object' && (key as { [SAFE]?: unknown })[SAFE] === true) return String(key);
  throw new PythonError(
    'TypeError',
    `keys must be str, int, float, bool or None, not ${pyTypeName(key)}`,
  );
}

function encode(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return jsonNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'bigint':
      return value.toString();
    default:
      break;
  }
  if (value === null) return 'null';
  if (typeof value === 'object') {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a branded SafeString: its own toString gives its text
    if ((value as { [SAFE]?: unknown })[SAFE] === true) return jsonString(String(value));
    if (value instanceof Date) return jsonString(jsonDate(value));
    if (seen.has(value)) throw new PythonError('ValueError', 'Circular reference detected');
    seen.add(value);
    try {
      if (Array.isArray(value)) return `[${value.map((v) => encode(v, seen)).join(', ')}]`;
      if (value instanceof Map) {
        const parts: string[] = [];
        for (const [k, v] of value) parts.push(`${jsonString(keyText(k))}: ${encode(v, seen)}`);
        return `{${parts.join(', ')}}`;
      }
      if (isPlainObject(value)) {
        const parts = Object.keys(value).map((k) => `${jsonString(k)}: ${encode(value[k], seen)}`);
        return `{${parts.join(', ')}}`;
      }
    } finally {
      seen.delete(value);
    }
  }
  throw new PythonError(
    'TypeError',
    `Object of type ${typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value} is not JSON serializable`,
  );
}

/**
 * Python `json.dumps(value, cls=DjangoJSONEncoder)`.
 *
 * @throws {PythonError} `TypeError` for values JSON cannot hold, `ValueError` for cycles.
 * @example
 * pyJsonDumps({ a: [1, 2.5, null] }); // '{"a": [1, 2.5, null]}'
 */
export function pyJsonDumps(value: unknown): string {
  return encode(value, new Set());
}
