/**
 * Logging for the application: one small {@link Logger} interface (a single `log(record)` method,
 * so any logging library adapts in three lines) and {@link consoleLogger}, the default, which
 * writes Django-style lines — the message, then the stack when there is an error — to stderr.
 * Logger names follow Django's: `reins.request` (4xx/5xx responses), `reins.security.<Error>`
 * (suspicious operations, bad Host headers), `reins.server` (the dev server's access lines).
 */
import type { HttpRequest } from '@reins/http';
import { escapeLogText } from './log-escape.js';

/** How serious a record is; Django's levels, in increasing order. */
export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

/** One log event, structured: the message is already formatted, the rest is data. */
export interface LogRecord {
  level: LogLevel;
  /** Dotted logger name, e.g. `reins.request` or `reins.security.DisallowedHost`. */
  logger: string;
  message: string;
  /** The error behind the record, when there is one (its stack is printed unless `withStack` is false). */
  error?: unknown;
  /**
   * Whether a text logger prints the error's stack (default true). False for records Django logs
   * without `exc_info`, such as the `reins.security.*` ones: one line per record.
   */
  withStack?: boolean;
  /** The request being served, when there is one. */
  request?: HttpRequest;
  /** The response status, for `reins.request` and `reins.server` records. */
  status?: number;
}

/**
 * Where the application sends its log records.
 *
 * @example
 * const logger: Logger = { log: (record) => pino[record.level === 'warning' ? 'warn' : record.level](record) };
 */
export interface Logger {
  log(record: LogRecord): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warning: 30, error: 40 };

/** Options for {@link consoleLogger}. */
export interface ConsoleLoggerOptions {
  /** Lowest level written; default `'info'`. */
  level?: LogLevel;
  /** Where lines go; default `process.stderr`. */
  stream?: { write(text: string): unknown };
}

/**
 * The default logger: writes each record's message (and the error's stack, if any) to stderr.
 * Messages carry request values (paths, Host, methods), so each is escaped as Django 5.2 does
 * against log forging: a record is one line, with no control characters (`\r\n` is written as
 * `\\r\\n`, ESC as `\\x1b`); only the stack after the error's own message spans lines.
 *
 * @example
 * createApp({ rootUrlconf: urlpatterns, logger: consoleLogger({ level: 'warning' }) });
 */
export function consoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const threshold = LEVEL_ORDER[options.level ?? 'info'];
  const stream = options.stream ?? process.stderr;
  return {
    log(record) {
      if (LEVEL_ORDER[record.level] < threshold) return;
      let text = escapeLogText(record.message);
      if (record.error !== undefined && record.withStack !== false)
        text += `\n${describeError(record.error)}`;
      stream.write(`${text}\n`);
    },
  };
}

/**
 * A logger that drops everything (tests, benchmarks).
 *
 * @example
 * createApp({ rootUrlconf: urlpatterns, logger: silentLogger });
 */
export const silentLogger: Logger = { log() {} };

// An error's message can quote the request (`Invalid HTTP_HOST header: '…'`): the stack's first
// part, `Name: message`, is escaped like a record's message; the frames below are the code's own.
function describeError(error: unknown): string {
  if (error instanceof Error && typeof error.stack === 'string') {
    const stack = error.stack;
    const head = `${error.name}: ${error.message}`;
    if (stack.startsWith(head)) return escapeLogText(head) + stack.slice(head.length);
    if (error.message !== '' && stack.includes(error.message))
      return stack.replace(error.message, () => escapeLogText(error.message));
    return stack;
  }
  return `Thrown value (not an Error): ${escapeLogText(String(error))}`;
}
