/**
 * A date as Python's `datetime.isoformat()` writes an aware UTC datetime
 * (`2026-12-07T06:30:00.123000+00:00`, microseconds only when non-zero): how Django 4 keeps a
 * `set_expiry(datetime)` in the session's JSON, so the two read each other's sessions.
 */
export function pythonIsoformat(date: Date): string {
  const iso = date.toISOString(); // 2026-12-07T06:30:00.123Z
  const milliseconds = date.getUTCMilliseconds();
  const seconds = iso.slice(0, 19);
  return milliseconds === 0
    ? `${seconds}+00:00`
    : `${seconds}.${String(milliseconds).padStart(3, '0')}000+00:00`;
}
