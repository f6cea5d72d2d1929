/**
 * Python's `str()` and `repr()` of JavaScript values, as Django would display the Python value each
 * one stands for: `null`/`undefined` → `None`, booleans → `True`/`False`, an integral number → an
 * `int`, any other number → a `float` (shortest repr, Python's exponent rules), arrays → lists,
 * plain objects and `Map`s → dicts, `Set`s → sets, `Date`s → naive datetimes in the process time
 * zone, safe strings → their text. `pyStr` is the entry point: `markSafe`/`escape` use it for
 * non-strings as Django's `str()`, and the template compiler for `{{ value }}`.
 *
 * @module
 */

import { SAFE_STRING } from './brand.js';
import type { SafeString } from './safe-string.js';

function isSafeValue(value: object): value is SafeString {
  return (value as { [SAFE_STRING]?: unknown })[SAFE_STRING] === true;
}

/**
 * Tell whether an object is a plain record (a Python dict stand-in), not a class instance.
 *
 * @example
 * isPlainObject({ a: 1 }); // true
 * isPlainObject(new Date()); // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Format a float the way Python's `repr(float)` does (shortest round-trip digits).
 *
 * @example
 * pyFloatRepr(1e16); // '1e+16'
 */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument yields the shortest round-trip digits, like Python's repr.
  const [mantissa, expText] = value.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return negative ? `-${out}` : out;
}

/**
 * Tell whether a JS number stands for a Python `int`: an integral value within ±(2^53 − 1). Past
 * that a double cannot hold an exact integer, so such values (1e16, 1.5e300) are read as floats.
 *
 * @example
 * isPyInt(3); // true
 * isPyInt(3.5); // false
 */
export function isPyInt(value: number): boolean {
  return Number.isSafeInteger(value);
}

/**
 * Python `str()` of a JS number: `int` for safe integers, `float` repr otherwise.
 *
 * @example
 * pyNumberStr(2); // '2'
 * pyNumberStr(0.5); // '0.5'
 */
export function pyNumberStr(value: number): string {
  return isPyInt(value) ? String(value + 0) : pyFloatRepr(value);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Python `str(datetime)` of a Date read in the process time zone: `2008-01-02 03:04:05[.ffffff]`.
 *
 * @example
 * pyDatetimeStr(new Date(2008, 0, 2, 3, 4, 5)); // '2008-01-02 03:04:05'
 */
export function pyDatetimeStr(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const base =
    `${String(date.getFullYear()).padStart(4, '0')}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ` +
    `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
  const ms = date.getMilliseconds();
  return ms === 0 ? base : `${base}.${String(ms * 1000).padStart(6, '0')}`;
}

// Characters Python's str.isprintable() rejects (other than the ASCII space), so repr escapes them.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/**
 * Python `repr()` of a string: single quotes unless only double quotes avoid escaping.
 *
 * @example
 * pyStringRepr("it's"); // `"it's"`
 */
export function pyStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      const code = ch.codePointAt(0)!;
      if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
      else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
      else out += `\\U${code.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

function pyDatetimeRepr(date: Date): string {
  const parts = [
    date.getFullYear(),
    date.getMonth() + 1,
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
  ];
  const seconds = date.getSeconds();
  const micro = date.getMilliseconds() * 1000;
  if (seconds !== 0 || micro !== 0) parts.push(seconds);
  if (micro !== 0) parts.push(micro);
  return `datetime.datetime(${parts.join(', ')})`;
}

function reprContainer(value: object, seen: Set<object>): string | undefined {
  if (seen.has(value)) {
    if (Array.isArray(value)) return '[...]';
    return '{...}';
  }
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item) => reprInner(item, seen)).join(', ')}]`;
    }
    if (value instanceof Map) {
      const items: string[] = [];
      for (const [k, v] of value) items.push(`${reprInner(k, seen)}: ${reprInner(v, seen)}`);
      return `{${items.join(', ')}}`;
    }
    if (value instanceof Set) {
      if (value.size === 0) return 'set()';
      return `{${[...value].map((item) => reprInner(item, seen)).join(', ')}}`;
    }
    if (isPlainObject(value)) {
      const items = Object.keys(value).map(
        (k) => `${pyStringRepr(k)}: ${reprInner(value[k], seen)}`,
      );
      return `{${items.join(', ')}}`;
    }
    return undefined;
  } finally {
    seen.delete(value);
  }
}

function reprInner(value: unknown, seen: Set<object>): string {
  if (typeof value === 'string') return pyStringRepr(value);
  if (typeof value === 'object' && value !== null) {
    if (isSafeValue(value)) return pyStringRepr(String(value));
    if (value instanceof Date) return pyDatetimeRepr(value);
    const container = reprContainer(value, seen);
    if (container !== undefined) return container;
  }
  return pyStr(value);
}

/**
 * Python's `str()` of a function or class, without the address: `<function name>`, `<class 'Name'>`.
 * Never the source (`String(fn)`), which would print code into a page.
 */
function callableStr(fn: (...args: unknown[]) => unknown): string {
  const name = typeof fn.name === 'string' && fn.name !== '' ? fn.name : '<lambda>';
  const isClass =
    Object.hasOwn(fn, 'prototype') && /^class\b/.test(Function.prototype.toString.call(fn));
  return isClass ? `<class '${name}'>` : `<function ${name}>`;
}

/**
 * Python `str()` of a value as Django displays it.
 *
 * @example
 * pyStr(null); // 'None'
 * pyStr(['a', 1, true]); // "['a', 1, True]"
 * pyStr(1.5e-7); // '1.5e-07'
 * pyStr(function greet() {}); // '<function greet>'
 */
export function pyStr(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return pyNumberStr(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'undefined':
      return 'None';
    case 'bigint':
      return value.toString();
    case 'symbol':
      return value.toString();
    case 'function':
      return callableStr(value as (...args: unknown[]) => unknown);
    default:
      break;
  }
  if (value === null) return 'None';
  const obj = value as object;
  if (isSafeValue(obj)) return String(obj);
  if (obj instanceof Date) return pyDatetimeStr(obj);
  const container = reprContainer(obj, new Set());
  if (container !== undefined) return container;
  // Python's str() of any other object calls its __str__: here the object's own toString.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(obj);
}

/**
 * Python `repr()` of a value: strings quoted and escaped, containers as their literal forms.
 *
 * @example
 * pyRepr("it's"); // `"it's"`
 * pyRepr(new Date(2008, 0, 2)); // 'datetime.datetime(2008, 1, 2, 0, 0)'
 */
export function pyRepr(value: unknown): string {
  return reprInner(value, new Set());
}
