/**
 * Python's printf-style `format % value` (`pyPercentFormat`) for one value (or a dict, for
 * `%(key)s`), with Python's conversions (`d i u o x X e E f F g G c r a s %`), flags
 * (`# 0 - + space`), width and precision; floats are rounded half-even on their exact binary
 * value as CPython does. Python's `TypeError` and `ValueError` are raised as `PythonError`.
 *
 * @module
 */
import { SAFE_STRING as SAFE, isPlainObject, isPyInt, pyRepr, pyStr } from '@reins/core';
import { decimalFromNumber, quantize, type FiniteDecimal } from './number-decimal.js';
import { PythonError } from './python-errors.js';
import { pyFloat, pyInt, pyTypeName } from './python-number.js';
import { codePoints } from './python-text.js';

interface Spec {
  key: string | undefined;
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  type: string;
}

const SPEC = /%(?:\(([^)]*)\))?([#0\- +]*)(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([diouxXeEfFgGcrsa%])?/y;

function isNumberLike(value: unknown): value is number | boolean | bigint {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
}

function asInteger(value: unknown, type: string): number {
  if (typeof value === 'number') {
    if (!isPyInt(value) && (type === 'o' || type === 'x' || type === 'X')) {
      throw new PythonError('TypeError', `%${type} format: an integer is required, not float`);
    }
    return pyInt(value);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return pyInt(value);
  const kind = type === 'o' || type === 'x' || type === 'X' ? 'an integer' : 'a real number';
  throw new PythonError(
    'TypeError',
    `%${type} format: ${kind} is required, not ${pyTypeName(value)}`,
  );
}

function asFloat(value: unknown): number {
  if (isNumberLike(value)) return pyFloat(value);
  throw new PythonError('TypeError', `must be real number, not ${pyTypeName(value)}`);
}

function digitsOf(d: FiniteDecimal): string {
  return d.coefficient.toString();
}

/** `%f`-style digits (no sign) with `precision` decimals. */
function fixed(value: number, precision: number, alternate: boolean): string {
  const q = quantize(decimalFromNumber(Math.abs(value)) as FiniteDecimal, -precision, 'half-even');
  const digits = digitsOf(q).padStart(precision + 1, '0');
  if (precision === 0) return alternate ? `${digits}.` : digits;
  return `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
}

/** `%e`-style parts: mantissa digits rounded to `precision + 1` significant digits and exponent. */
function scientificParts(value: number, precision: number): [string, number] {
  const d = decimalFromNumber(Math.abs(value)) as FiniteDecimal;
  if (d.coefficient === 0n) return ['0'.repeat(precision + 1), 0];
  const len = digitsOf(d).length;
  let exponent = len - 1 + d.exponent;
  let q = quantize(d, exponent - precision, 'half-even');
  if (digitsOf(q).length > precision + 1) {
    exponent += 1;
    q = quantize(d, exponent - precision, 'half-even');
  }
  return [digitsOf(q), exponent];
}

function scientific(value: number, precision: number, alternate: boolean, upper: boolean): string {
  const [digits, exponent] = scientificParts(value, precision);
  let mantissa = digits[0]!;
  if (precision > 0) mantissa += `.${digits.slice(1)}`;
  else if (alternate) mantissa += '.';
  const exp = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return `${mantissa}${upper ? 'E' : 'e'}${exp}`;
}

function general(value: number, precision: number, alternate: boolean, upper: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const [, exponent] = scientificParts(value, p - 1);
  let text: string;
  if (exponent >= -4 && exponent < p) text = fixed(value, p - 1 - exponent, alternate);
  else text = scientific(value, p - 1, alternate, upper);
  if (!alternate) {
    // Drop trailing zeros of the fraction, and the point if nothing is left after it.
    text = text.replace(/(\.\d*?)0+(?=$|[eE])/, '$1').replace(/\.(?=$|[eE])/, '');
  }
  return text;
}

function formatFloat(value: number, spec: Spec): [string, string] {
  const sign =
    value < 0 || Object.is(value, -0)
      ? '-'
      : spec.flags.includes('+')
        ? '+'
        : spec.flags.includes(' ')
          ? ' '
          : '';
  const upper = spec.type === 'E' || spec.type === 'F' || spec.type === 'G';
  if (!Number.isFinite(value)) {
    const text = Number.isNaN(value) ? 'nan' : 'inf';
    return [
      Number.isNaN(value)
        ? spec.flags.includes('+')
          ? '+'
          : spec.flags.includes(' ')
            ? ' '
            : ''
        : sign,
      upper ? text.toUpperCase() : text,
    ];
  }
  const precision = spec.precision ?? 6;
  const alternate = spec.flags.includes('#');
  switch (spec.type) {
    case 'e':
    case 'E':
      return [sign, scientific(value, precision, alternate, upper)];
    case 'f':
    case 'F':
      return [sign, fixed(value, precision, alternate)];
    default:
      return [sign, general(value, precision, alternate, upper)];
  }
}

function formatInteger(value: number, spec: Spec): [string, string] {
  const sign =
    value < 0 ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  const magnitude = BigInt(Math.abs(value));
  let digits: string;
  let prefix = '';
  switch (spec.type) {
    case 'o':
      digits = magnitude.toString(8);
      if (spec.flags.includes('#')) prefix = '0o';
      break;
    case 'x':
      digits = magnitude.toString(16);
      if (spec.flags.includes('#')) prefix = '0x';
      break;
    case 'X':
      digits = magnitude.toString(16).toUpperCase();
      if (spec.flags.includes('#')) prefix = '0X';
      break;
    default:
      digits = magnitude.toString();
  }
  if (spec.precision !== undefined && digits.length < spec.precision) {
    digits = digits.padStart(spec.precision, '0');
  }
  return [sign + prefix, digits];
}

function pad(sign: string, body: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  const length = codePoints(sign + body).length;
  if (length >= width) return sign + body;
  const fill = width - length;
  if (spec.flags.includes('-')) return sign + body + ' '.repeat(fill);
  if (numeric && spec.flags.includes('0')) return sign + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + sign + body;
}

function convert(value: unknown, spec: Spec): string {
  switch (spec.type) {
    case 's':
    case 'r':
    case 'a': {
      let text = spec.type === 's' ? pyStr(value) : pyRepr(value);
      if (spec.type === 'a') {
        // eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
        text = text.replace(/[^\x00-\x7f]/gu, (ch) => {
          const code = ch.codePointAt(0)!;
          if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
          if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
          return `\\U${code.toString(16).padStart(8, '0')}`;
        });
      }
      if (spec.precision !== undefined) text = codePoints(text).slice(0, spec.precision).join('');
      return pad('', text, spec, false);
    }
    case 'c': {
      let ch: string;
      if (typeof value === 'number' && isPyInt(value)) {
        if (value < 0 || value > 0x10ffff)
          throw new PythonError('ValueError', '%c arg not in range(0x110000)');
        ch = String.fromCodePoint(value);
      } else if (
        typeof value === 'string' ||
        (typeof value === 'object' &&
          value !== null &&
          (value as { [SAFE]?: unknown })[SAFE] === true)
      ) {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Python's str() of an object: its own toString stands for __str__
        const chars = codePoints(String(value));
        if (chars.length !== 1) throw new PythonError('TypeError', '%c requires int or char');
        ch = chars[0]!;
      } else {
        throw new PythonError('TypeError', '%c requires int or char');
      }
      return pad('', ch, spec, false);
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      const [sign, digits] = formatInteger(asInteger(value, spec.type), spec);
      return pad(sign, digits, spec, true);
    }
    default: {
      const number = asFloat(value);
      const [sign, body] = formatFloat(number, spec);
      return pad(sign, body, spec, true);
    }
  }
}

/**
 * Python `format % value` where `value` is a single argument (a dict serves `%(key)s`).
 *
 * @throws {PythonError} `TypeError` / `ValueError` where Python raises them.
 * @example
 * pyPercentFormat('%05.1f', 3.14159); // '003.1'
 */
export function pyPercentFormat(format: string, value: unknown): string {
  const mapping = isPlainObject(value) || value instanceof Map || Array.isArray(value);
  let out = '';
  let used = 0;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    SPEC.lastIndex = percent;
    const m = SPEC.exec(format);
    if (!m || m[5] === undefined) {
      if (percent + 1 >= format.length) throw new PythonError('ValueError', 'incomplete format');
      const at = m ? percent + m[0].length : percent + 1;
      const ch = format[at] ?? '';
      throw new PythonError(
        'ValueError',
        `unsupported format character '${ch}' (0x${ch.charCodeAt(0).toString(16)}) at index ${at}`,
      );
    }
    i = percent + m[0].length;
    const [, key, flags = '', width, precision, type] = m;
    if (type === '%' && key === undefined) {
      out += '%';
      continue;
    }
    let arg: unknown;
    if (key !== undefined) {
      if (!mapping || Array.isArray(value)) {
        throw new PythonError('TypeError', 'format requires a mapping');
      }
      if (value instanceof Map) {
        if (!value.has(key)) throw new PythonError('KeyError', pyRepr(key));
        arg = value.get(key);
      } else {
        const record = value;
        if (!Object.hasOwn(record, key)) throw new PythonError('KeyError', pyRepr(key));
        arg = record[key];
      }
    } else {
      if (width === '*' || precision === '*' || used > 0) {
        throw new PythonError('TypeError', 'not enough arguments for format string');
      }
      arg = value;
      used += 1;
    }
    if (type === '%') {
      out += '%';
      continue;
    }
    const spec: Spec = {
      key,
      flags,
      width: width === undefined || width === '*' ? undefined : Number(width),
      precision:
        precision === undefined || precision === '*' ? undefined : Number(precision || '0'),
      type: type,
    };
    out += convert(arg, spec);
  }
  if (used === 0 && !mapping)
    throw new PythonError('TypeError', 'not all arguments converted during string formatting');
  return out;
}
