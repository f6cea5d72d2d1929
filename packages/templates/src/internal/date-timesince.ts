/**
 * Django's `django.utils.timesince.timesince`: the time between two naive datetimes in the
 * largest adjacent units (years of 365 days, months of 30, weeks, days, hours, minutes; leap days
 * discounted), `depth` units at most, with non-breaking spaces (`2\u00a0weeks, 3\u00a0days`).
 * `timeSince` is the entry point; dates are compared on their wall-clock fields, as Python
 * subtracts naive datetimes.
 *
 * @module
 */
import { PythonError } from './python-errors.js';

const CHUNKS: Array<[number, string, string]> = [
  [60 * 60 * 24 * 365, 'year', 'years'],
  [60 * 60 * 24 * 30, 'month', 'months'],
  [60 * 60 * 24 * 7, 'week', 'weeks'],
  [60 * 60 * 24, 'day', 'days'],
  [60 * 60, 'hour', 'hours'],
  [60, 'minute', 'minutes'],
];

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** Python `calendar.leapdays(y1, y2)`: leap years in [y1, y2), negative when y2 < y1. */
function leapdays(y1: number, y2: number): number {
  const a = y1 - 1;
  const b = y2 - 1;
  return (
    Math.floor(b / 4) -
    Math.floor(a / 4) -
    (Math.floor(b / 100) - Math.floor(a / 100)) +
    (Math.floor(b / 400) - Math.floor(a / 400))
  );
}

/** Milliseconds of the wall-clock fields, as if the date were UTC (naive arithmetic). */
function wallClock(date: Date): number {
  return Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
}

const unit = (count: number, singular: string, plural: string): string =>
  `${count}\u00a0${count === 1 ? singular : plural}`;

/**
 * The time from `d` to `now` as Django words it (`0\u00a0minutes` when `d` is later).
 *
 * @throws {PythonError} `ValueError` when `depth` is not positive.
 * @example
 * timeSince(new Date(2024, 0, 1), new Date(2024, 0, 15, 3)); // '2\u00a0weeks'
 */
export function timeSince(d0: Date, now0: Date = new Date(), reversed = false, depth = 2): string {
  if (depth <= 0) throw new PythonError('ValueError', 'depth must be greater than 0.');
  const [d, now] = reversed ? [now0, d0] : [d0, now0];
  let leap = leapdays(d.getFullYear(), now.getFullYear());
  if (leap !== 0) {
    if (isLeap(d.getFullYear())) leap -= 1;
    else if (isLeap(now.getFullYear())) leap += 1;
  }
  const deltaMs = wallClock(now) - wallClock(d) - leap * 86_400_000;
  let since = Math.floor(deltaMs / 1000);
  if (since <= 0) return unit(0, 'minute', 'minutes');
  let i = CHUNKS.findIndex(([seconds]) => Math.floor(since / seconds) !== 0);
  if (i === -1) return unit(0, 'minute', 'minutes');
  const result: string[] = [];
  let currentDepth = 0;
  while (i < CHUNKS.length && currentDepth < depth) {
    const [seconds, singular, plural] = CHUNKS[i]!;
    const count = Math.floor(since / seconds);
    if (count === 0) break;
    result.push(unit(count, singular, plural));
    since -= seconds * count;
    currentDepth += 1;
    i += 1;
  }
  return result.join(', ');
}
