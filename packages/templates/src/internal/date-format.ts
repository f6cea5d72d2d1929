/**
 * Django's `django.utils.dateformat`: PHP-style format characters applied to a JS `Date` read as
 * a naive datetime in the process time zone (Django's `TIME_ZONE`), with Django 3.2's English
 * names and its named formats (`DATE_FORMAT = 'N j, Y'` …, the en-US defaults from
 * `global_settings`). `formatDate` handles every character, `formatTime` only the time ones
 * (a date character makes Django's `time` filter fail, which gives `''`).
 *
 * @module
 */
import { PythonError } from './python-errors.js';
import { pyDatetimeStr, pyStr } from '@reins/core';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_3 = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const MONTHS_AP = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_ABBR = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * Django 3.2's format settings with their `global_settings` values, which `date` and `time`
 * accept by name (`{{ d|date:"SHORT_DATE_FORMAT" }}`).
 */
export const FORMAT_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({
  DATE_FORMAT: 'N j, Y',
  DATETIME_FORMAT: 'N j, Y, P',
  TIME_FORMAT: 'P',
  YEAR_MONTH_FORMAT: 'F Y',
  MONTH_DAY_FORMAT: 'F j',
  SHORT_DATE_FORMAT: 'm/d/Y',
  SHORT_DATETIME_FORMAT: 'm/d/Y P',
  FIRST_DAY_OF_WEEK: 0,
  DECIMAL_SEPARATOR: '.',
  THOUSAND_SEPARATOR: ',',
  NUMBER_GROUPING: 0,
  DATE_INPUT_FORMATS: [
    '%Y-%m-%d',
    '%m/%d/%Y',
    '%m/%d/%y',
    '%b %d %Y',
    '%b %d, %Y',
    '%d %b %Y',
    '%d %b, %Y',
    '%B %d %Y',
    '%B %d, %Y',
    '%d %B %Y',
    '%d %B, %Y',
  ],
  TIME_INPUT_FORMATS: ['%H:%M:%S', '%H:%M:%S.%f', '%H:%M'],
  DATETIME_INPUT_FORMATS: [
    '%Y-%m-%d %H:%M:%S',
    '%Y-%m-%d %H:%M:%S.%f',
    '%Y-%m-%d %H:%M',
    '%m/%d/%Y %H:%M:%S',
    '%m/%d/%Y %H:%M:%S.%f',
    '%m/%d/%Y %H:%M',
    '%m/%d/%y %H:%M:%S',
    '%m/%d/%y %H:%M:%S.%f',
    '%m/%d/%y %H:%M',
  ],
});

/** Django's `get_format(name)`: a setting's value for a known name, else the name itself. */
export function resolveFormat(format: string): string {
  return Object.hasOwn(FORMAT_SETTINGS, format) ? pyStr(FORMAT_SETTINGS[format]) : format;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Minutes east of UTC for the date in the process time zone. */
function offsetMinutes(date: Date): number {
  return -date.getTimezoneOffset();
}

function offsetText(date: Date, separator = ''): string {
  const offset = offsetMinutes(date);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

// Abbreviations the tz database (as Python's pytz reports them) has but no English Intl locale
// prints; standard and daylight names.
const ZONE_ABBREVIATIONS: Record<string, [string, string]> = {
  'Africa/Johannesburg': ['SAST', 'SAST'],
  'Africa/Lagos': ['WAT', 'WAT'],
  'Africa/Maputo': ['CAT', 'CAT'],
  'Africa/Nairobi': ['EAT', 'EAT'],
  'Asia/Dubai': ['+04', '+04'],
  'Asia/Hong_Kong': ['HKT', 'HKT'],
  'Asia/Jakarta': ['WIB', 'WIB'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Asia/Karachi': ['PKT', 'PKT'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Asia/Calcutta': ['IST', 'IST'],
  'Asia/Manila': ['PST', 'PST'],
  'Asia/Seoul': ['KST', 'KST'],
  'Asia/Shanghai': ['CST', 'CST'],
  'Asia/Taipei': ['CST', 'CST'],
  'Asia/Tokyo': ['JST', 'JST'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/Moscow': ['MSK', 'MSK'],
};
const ZONE_LOCALES = ['en-US', 'en-GB', 'en-AU'];
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
const GMT_OFFSET = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/;

function intlZoneName(locale: string, zone: string, date: Date): string {
  const key = `${locale} ${zone}`;
  let format = zoneFormatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    zoneFormatters.set(key, format);
  }
  return format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * The zone abbreviation pytz would give for the process time zone at this date (`T`): the tz
 * database names (`CST`, `CET`, `BST`, `AEDT`) where an English Intl locale knows them, a few
 * known ones from a table, else the numeric form the tz database uses (`+03`, `+0545`).
 */
function timeZoneName(date: Date): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const known = ZONE_ABBREVIATIONS[zone];
  if (known) return isDst(date) ? known[1] : known[0];
  let name = '';
  for (const locale of ZONE_LOCALES) {
    name = intlZoneName(locale, zone, date);
    if (!GMT_OFFSET.test(name) || name === 'GMT') return name;
  }
  const m = GMT_OFFSET.exec(name);
  if (!m || m[1] === undefined) return name;
  return `${m[1]}${m[2]!.padStart(2, '0')}${m[3] ?? ''}`;
}

function sameWallClock(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate() &&
    a.getHours() === b.getHours() &&
    a.getMinutes() === b.getMinutes() &&
    a.getSeconds() === b.getSeconds()
  );
}

/**
 * The other instant with the same wall-clock time, when the date falls in the hour a DST change
 * repeats (Django then prints no offset: pytz cannot tell which one is meant).
 */
function ambiguousTwin(date: Date): Date | undefined {
  const time = date.getTime();
  const offset = date.getTimezoneOffset();
  for (const probe of [time - 3 * 3_600_000, time + 3 * 3_600_000]) {
    const other = new Date(probe).getTimezoneOffset();
    if (other !== offset) {
      const twin = new Date(time + (other - offset) * 60_000);
      if (twin.getTime() !== time && sameWallClock(twin, date)) return twin;
    }
  }
  return undefined;
}

function isDst(date: Date): boolean {
  const year = date.getFullYear();
  const standard = Math.max(
    new Date(year, 0, 1).getTimezoneOffset(),
    new Date(year, 6, 1).getTimezoneOffset(),
  );
  return date.getTimezoneOffset() < standard;
}

function dayOfYear(date: Date): number {
  const start = Date.UTC(date.getFullYear(), 0, 1);
  const today = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((today - start) / 86_400_000) + 1;
}

/** ISO 8601 year and week number (`isocalendar()[0:2]`). */
function isoWeek(date: Date): [number, number] {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return [d.getUTCFullYear(), Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7)];
}

function twelveHour(date: Date): number {
  return date.getHours() % 12 || 12;
}

function fFormat(date: Date): string {
  return date.getMinutes() === 0
    ? String(twelveHour(date))
    : `${twelveHour(date)}:${pad(date.getMinutes())}`;
}

function isoFormat(date: Date): string {
  const base =
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const ms = date.getMilliseconds();
  return ms === 0 ? base : `${base}.${pad(ms * 1000, 6)}`;
}

/** RFC 5322 date (`r`), as Python's `email.utils.format_datetime`. */
function rfc5322(d: Date): string {
  const month = MONTHS_3[d.getMonth()]!;
  return (
    `${WEEKDAYS_ABBR[d.getDay()]!}, ${pad(d.getDate())} ${month[0]!.toUpperCase()}${month.slice(1)} ` +
    `${pad(d.getFullYear(), 4)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ` +
    offsetText(d)
  );
}

const TIME_SPECIFIERS: Record<string, (date: Date) => string> = {
  a: (d) => (d.getHours() > 11 ? 'p.m.' : 'a.m.'),
  A: (d) => (d.getHours() > 11 ? 'PM' : 'AM'),
  // A naive datetime has no tzinfo, so Django prints no zone name here.
  e: () => '',
  f: fFormat,
  g: (d) => String(twelveHour(d)),
  G: (d) => String(d.getHours()),
  h: (d) => pad(twelveHour(d)),
  H: (d) => pad(d.getHours()),
  i: (d) => pad(d.getMinutes()),
  O: (d) => (ambiguousTwin(d) ? '' : offsetText(d)),
  P: (d) => {
    if (d.getMinutes() === 0 && d.getHours() === 0) return 'midnight';
    if (d.getMinutes() === 0 && d.getHours() === 12) return 'noon';
    return `${fFormat(d)} ${d.getHours() > 11 ? 'p.m.' : 'a.m.'}`;
  },
  s: (d) => pad(d.getSeconds()),
  T: (d) => (ambiguousTwin(d) ? '' : timeZoneName(d)),
  u: (d) => pad(d.getMilliseconds() * 1000, 6),
  Z: (d) => (ambiguousTwin(d) ? '' : String(offsetMinutes(d) * 60)),
};

const DATE_SPECIFIERS: Record<string, (date: Date) => string> = {
  ...TIME_SPECIFIERS,
  b: (d) => MONTHS_3[d.getMonth()]!,
  c: isoFormat,
  d: (d) => pad(d.getDate()),
  D: (d) => WEEKDAYS_ABBR[d.getDay()]!,
  E: (d) => MONTHS[d.getMonth()]!,
  F: (d) => MONTHS[d.getMonth()]!,
  I: (d) => (ambiguousTwin(d) ? '' : isDst(d) ? '1' : '0'),
  j: (d) => String(d.getDate()),
  l: (d) => WEEKDAYS[d.getDay()]!,
  L: (d) => (isLeap(d.getFullYear()) ? 'True' : 'False'),
  m: (d) => pad(d.getMonth() + 1),
  M: (d) => {
    const m = MONTHS_3[d.getMonth()]!;
    return m[0]!.toUpperCase() + m.slice(1);
  },
  n: (d) => String(d.getMonth() + 1),
  N: (d) => MONTHS_AP[d.getMonth()]!,
  o: (d) => String(isoWeek(d)[0]),
  r: (d) => {
    if (ambiguousTwin(d)) throw new PythonError('AmbiguousTimeError', pyDatetimeStr(d));
    return rfc5322(d);
  },
  S: (d) => {
    const day = d.getDate();
    if (day === 11 || day === 12 || day === 13) return 'th';
    return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
  },
  t: (d) => pad(new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate()),
  // time.mktime() resolves a repeated wall-clock time to its later (standard-time) instant.
  U: (d) => {
    const twin = ambiguousTwin(d);
    const time = twin ? Math.max(d.getTime(), twin.getTime()) : d.getTime();
    return String(Math.floor(time / 1000));
  },
  w: (d) => String(d.getDay()),
  W: (d) => String(isoWeek(d)[1]),
  y: (d) => pad(d.getFullYear() % 100),
  Y: (d) => String(d.getFullYear()),
  z: (d) => String(dayOfYear(d)),
};

const FORMAT_CHARS = /(?<!\\)([aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ])/;
const ESCAPED = /\\(.)/g;
// Formats repeat across renders, so their split into literal text and specifiers is kept.
const splitCache = new Map<string, string[]>();

/**
 * Apply a Django date format; `undefined` when a specifier cannot be served (a date specifier in
 * a time-only format, or any specifier for a value that is not a valid Date), where Django's
 * filters return `''`.
 */
function applyFormat(
  value: unknown,
  format: string,
  specifiers: Record<string, (date: Date) => string>,
): string | undefined {
  let pieces = splitCache.get(format);
  if (pieces === undefined) {
    pieces = format
      .split(FORMAT_CHARS)
      .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(ESCAPED, '$1')));
    if (splitCache.size >= 512) splitCache.clear();
    splitCache.set(format, pieces);
  }
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i % 2 === 1) {
      const specifier = specifiers[piece];
      if (!specifier || !(value instanceof Date) || Number.isNaN(value.getTime())) return undefined;
      out += specifier(value);
    } else {
      out += piece;
    }
  }
  return out;
}

/**
 * Format a date with Django's date format characters (Django's `dateformat.format`).
 *
 * @example
 * formatDate(new Date(2024, 2, 5, 14, 7), 'D, j M Y'); // 'Tue, 5 Mar 2024'
 */
export function formatDate(value: unknown, format: string): string | undefined {
  return applyFormat(value, format, DATE_SPECIFIERS);
}

/**
 * Format the time of a date with Django's time format characters (`dateformat.time_format`).
 *
 * @example
 * formatTime(new Date(2024, 2, 5, 14, 7), 'P'); // '2:07 p.m.'
 */
export function formatTime(value: unknown, format: string): string | undefined {
  return applyFormat(value, format, TIME_SPECIFIERS);
}
