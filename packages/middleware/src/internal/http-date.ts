/**
 * HTTP dates (RFC 7231 §7.1.1.1) as Django's `parse_http_date` reads them: IMF-fixdate, the
 * obsolete RFC 850 form with a two-digit year, and asctime. Anything else is `null`, never an
 * error, because a client's malformed `If-Modified-Since` must simply be ignored.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const T = '(\\d{2}):(\\d{2}):(\\d{2})';
// Groups: day, month, year, hour, minute, second (asctime reorders them, handled below).
const RFC1123 = new RegExp(`^\\w{3}, (\\d{2}) (\\w{3}) (\\d{4}) ${T} GMT$`);
const RFC850 = new RegExp(`^\\w{6,9}, (\\d{2})-(\\w{3})-(\\d{2}) ${T} GMT$`);
const ASCTIME = new RegExp(`^\\w{3} (\\w{3}) ([ \\d]\\d) ${T} (\\d{4})$`);

/**
 * Seconds since the epoch for an HTTP date, or `null` when it is not one (Django's
 * `parse_http_date_safe`). `now` only matters for RFC 850's two-digit years.
 */
export function parseHttpDate(value: string, now: Date = new Date()): number | null {
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
    return null;
  }
  let fullYear = Number(year);
  if (fullYear < 100) {
    // RFC 7231: a two-digit year more than 50 years in the future means the previous century.
    const currentYear = now.getUTCFullYear();
    const century = currentYear - (currentYear % 100);
    fullYear += fullYear - (currentYear % 100) > 50 ? century - 100 : century;
  }
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const [hour, minute, second] = time.map(Number) as [number, number, number];
  const dayNumber = Number(day.trim());
  if (monthIndex < 0 || hour > 23 || minute > 59 || second > 59 || dayNumber < 1) return null;
  const daysInMonth = new Date(Date.UTC(fullYear, monthIndex + 1, 0)).getUTCDate();
  if (dayNumber > daysInMonth || fullYear < 1) return null;
  const date = new Date(Date.UTC(2000, monthIndex, dayNumber, hour, minute, second));
  date.setUTCFullYear(fullYear);
  return Math.floor(date.getTime() / 1000);
}
