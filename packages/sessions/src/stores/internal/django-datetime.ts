const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * How Django 3.2 writes a DateTimeField to SQLite with `USE_TZ = True`: the UTC time as
 * `str(datetime)`, 'YYYY-MM-DD HH:MM:SS.ffffff', and no fraction at all when the microseconds
 * are 0. Text comparison then orders the values, so reins' and Django's rows compare alike.
 */
export function sqliteDatetime(date: Date): string {
  const base = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  return ms === 0 ? base : `${base}.${pad(ms, 3)}000`;
}
