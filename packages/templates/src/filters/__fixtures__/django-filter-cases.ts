/**
 * The filter cases recorded from Django 3.2 (`django-filter-cases.json`, written by
 * `generate_filter_cases.py`), decoded into the JS values they stand for, and the few cases a JS
 * value cannot express, each with its reason. Shared by the direct and the engine-level tests.
 *
 * @module
 */
import type { FilterSpec } from '../filter-spec.js';
import fixture from './django-filter-cases.json' with { type: 'json' };
import { markSafe } from '@reins/core';

/** One recorded case: `{{ v|filter:a }}` rendered by Django with `value` as v and `arg` as a. */
export interface Case {
  name: string;
  filter: string;
  autoescape: boolean;
  value: unknown;
  arg?: unknown;
  output?: string;
  error?: string;
  /** The time zone Django's TIME_ZONE (and the process TZ) was set to; UTC when absent. */
  zone?: string;
}

/** Run `fn` with the process time zone set to `zone` (UTC when undefined), restoring UTC after. */
export function inZone<T>(zone: string | undefined, fn: () => T): T {
  process.env.TZ = zone ?? 'UTC';
  try {
    return fn();
  } finally {
    process.env.TZ = 'UTC';
  }
}

/** Rebuild the JS value a tagged JSON value stands for (dates local, safe strings, NaN/inf). */
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('$safe' in record) return markSafe(record['$safe']);
    if ('$nan' in record) return NaN;
    if ('$inf' in record) return record['$inf'] ? Infinity : -Infinity;
    if ('$date' in record) {
      const [date, time = '00:00:00'] = (record['$date'] as string).split('T');
      const [y, m, d] = date!.split('-').map(Number);
      const [hms, micro = '0'] = time.split('.');
      const [hh, mm, ss] = hms!.split(':').map(Number);
      return new Date(y!, m! - 1, d, hh, mm, ss, Math.floor(Number(micro.padEnd(6, '0')) / 1000));
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/**
 * Cases a JS number cannot express. Each is run and must still differ from Django (so the list
 * cannot go stale); the reason says why:
 * - a Python float with an integral value below 2^53 (34.0, 0.0, -0.0, 100.0) reaches JS as an
 *   integral number, which reins reads as a Python int, so `34.0` shows as `34`;
 * - 12345678901234567890 is a Python int beyond 2^53, which reins reads as a float (a double
 *   cannot hold it exactly), so it shows as `1.2345678901234567e+19`.
 */
export const SKIPPED = new Map<string, string>([
  ...['1', '10', '11', '33'].map(
    (i) =>
      [`floatformat-${i}-'x'`, 'integral float below 2^53 reads as an int'] as [string, string],
  ),
  ...['noarg', '0', '1', '2', '3', '-1', '-2', '-3', "'2g'", "'g'", "'-3g'", "'x'", "'0'"].map(
    (a) => [`floatformat-28-${a}`, 'int beyond 2^53 reads as a float'] as [string, string],
  ),
  ['default_if_none-8', 'integral float 0.0 reads as an int'],
]);

/** Every recorded case. */
export const cases = (fixture as { cases: Case[] }).cases;

/** Django's registration flags and arity, per filter. */
export const flags = (fixture as { flags: Record<string, Omit<Required<FilterSpec>, 'fn'>> }).flags;
