/**
 * HTTP dates as Django's `django.utils.http` writes and reads them (RFC 7231 §7.1.1.1):
 * `httpDate()` writes the IMF-fixdate, `parseHttpDate()` reads IMF-fixdate, the obsolete RFC 850
 * form with a two-digit year, and asctime — with Python's regular-expression rules (`\w` and
 * `\d` are Unicode-aware, `$` also matches before a final newline).
 *
 * @module
 */
import { pyStringRepr } from './python-str.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const W = '[\\p{L}\\p{N}\\p{Mn}\\p{Pc}]';
const D = '\\p{Nd}';
const T = `(${D}{2}):(${D}{2}):(${D}{2})`;
// Groups: day, month, year, hour, minute, second (asctime reorders them, handled below).
const RFC1123 = new RegExp(`^${W}{3}, (${D}{2}) (${W}{3}) (${D}{4}) ${T} GMT\\n?$`, 'u');
const RFC850 = new RegExp(`^${W}{6,9}, (${D}{2})-(${W}{3})-(${D}{2}) ${T} GMT\\n?$`, 'u');
const ASCTIME = new RegExp(`^${W}{3} (${W}{3}) ([ \\p{Nd}]${D}) ${T} (${D}{4})\\n?$`, 'u');
const DIGIT = /\p{Nd}/u;

/** Python's `int()` of a run of Unicode decimal digits (each script's digits run 0–9 in order). */
function digits(text: string): number {
  let value = 0;
  for (const char of text.trim()) {
    const code = char.codePointAt(0)!;
    let zero = code;
    while (zero > 0 && code - zero < 9 && DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
    value = value * 10 + ((code - zero) % 10);
  }
  return value;
}

/**
 * An HTTP date, `Wdy, DD Mon YYYY HH:MM:SS GMT` (Django's `http_date()`), for seconds since the
 * epoch (fractions dropped); the current time by default.
 *
 * @example
 * httpDate(0); // 'Thu, 01 Jan 1970 00:00:00 GMT'
 */
export function httpDate(epochSeconds: number = Date.now() / 1000): string {
  return new Date(Math.floor(epochSeconds) * 1000).toUTCString();
}

/**
 * Seconds since the epoch for an HTTP date in any of the three RFC 7231 formats (Django's
 * `parse_http_date()`). A two-digit year more than 50 years ahead of `now` is in the past century.
 *
 * @throws {RangeError} when `value` is not an HTTP date (Django's `ValueError`, same message).
 * @example
 * parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT'); // 784111777
 */
export function parseHttpDate(value: string, now: Date = new Date()): number {
  let day: string;
  let month: string;
  let year: string;
  let time: string[];
  let match = RFC1123.exec(value);
  if (match) {
    [, day = '', month = '', year = '', ...time] = match;
  } else if ((match = RFC850.exec(value))) {
    [, day = '', month = '', year = '', ...time] = match;
  } else if ((match = ASCTIME.exec(value))) {
    [, month = '', day = '', ...time] = match;
    year = time.pop() ?? '';
  } else {
    throw new RangeError(`${pyStringRepr(value)} is not in a valid HTTP date format`);
  }
  let fullYear = digits(year);
  if (fullYear < 100) {
    // RFC 7231: a two-digit year more than 50 years in the future means the previous century.
    const currentYear = now.getUTCFullYear();
    const century = currentYear - (currentYear % 100);
    fullYear += fullYear - (currentYear % 100) > 50 ? century - 100 : century;
  }
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const [hour, minute, second] = time.map(digits) as [number, number, number];
  const dayNumber = digits(day);
  const isLeap = fullYear % 4 === 0 && (fullYear % 100 !== 0 || fullYear % 400 === 0);
  const daysInMonth = monthIndex === 1 ? (isLeap ? 29 : 28) : (DAYS[monthIndex] ?? 0);
  if (
    monthIndex < 0 ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    dayNumber < 1 ||
    dayNumber > daysInMonth ||
    fullYear < 1
  ) {
    throw new RangeError(`${pyStringRepr(value)} is not a valid date`);
  }
  const date = new Date(Date.UTC(2000, monthIndex, dayNumber, hour, minute, second));
  date.setUTCFullYear(fullYear);
  return Math.floor(date.getTime() / 1000);
}

/**
 * {@link parseHttpDate}, or `null` when `value` is not an HTTP date (Django's
 * `parse_http_date_safe()`): a client's malformed `If-Modified-Since` is simply ignored.
 *
 * @example
 * parseHttpDateSafe('yesterday'); // null
 */
export function parseHttpDateSafe(value: string, now: Date = new Date()): number | null {
  try {
    return parseHttpDate(value, now);
  } catch {
    return null;
  }
}
