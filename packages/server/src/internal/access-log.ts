/**
 * The dev server's access line, Django's `django.server` format:
 * `[20/Nov/2026 17:02:47] "GET /greetings/ HTTP/1.1" 200 56`, coloured by status class on a
 * terminal with the same palette Django's `ServerFormatter` uses. The method and target are
 * escaped ({@link escapeLogText}) so a request cannot write a second line or terminal escapes.
 */
import { escapeLogText } from '../log-escape.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** Local time as `DD/Mon/YYYY HH:MM:SS` (Apache's log time, which Django's dev server prints). */
export function formatServerTime(date: Date): string {
  return `${pad2(date.getDate())}/${MONTHS[date.getMonth()]}/${date.getFullYear()} ${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

/** What one access line is made of. */
export interface AccessEntry {
  method: string;
  /** The request target exactly as sent (path and query string). */
  url: string;
  httpVersion: string;
  status: number;
  /** Body bytes written. */
  size: number;
  time: Date;
}

// ANSI styles of Django's default ("dark") palette, by status class.
const BOLD = '\u001b[1m';
const GREEN = '\u001b[32m';
const CYAN = '\u001b[36m';
const YELLOW = '\u001b[33m';
const RED_BOLD = '\u001b[31;1m';
const MAGENTA_BOLD = '\u001b[35;1m';
const RESET = '\u001b[0m';

/** The ANSI style for a status, or `''` for none (2xx is unstyled, as in Django). */
export function styleForStatus(status: number): string {
  if (status >= 200 && status < 300) return '';
  if (status >= 100 && status < 200) return BOLD;
  if (status === 304) return CYAN;
  if (status >= 300 && status < 400) return GREEN;
  if (status === 404) return YELLOW;
  if (status >= 400 && status < 500) return RED_BOLD;
  return MAGENTA_BOLD;
}

/** Format an access line; `colour` wraps the message (not the time) in the status style. */
export function formatAccessLine(entry: AccessEntry, colour = false): string {
  let message = `"${escapeLogText(entry.method)} ${escapeLogText(entry.url)} HTTP/${escapeLogText(entry.httpVersion)}" ${entry.status} ${entry.size}`;
  if (colour) {
    const style = styleForStatus(entry.status);
    if (style !== '') message = `${style}${message}${RESET}`;
  }
  return `[${formatServerTime(entry.time)}] ${message}`;
}

/** The log level Django gives an access line: info below 400, warning for 4xx, error for 5xx. */
export function levelForStatus(status: number): 'info' | 'warning' | 'error' {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warning';
  return 'info';
}
