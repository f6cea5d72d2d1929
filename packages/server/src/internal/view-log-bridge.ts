/**
 * Records other reins packages publish on the `reins:log` diagnostics channel (the views' Django
 * warnings, `Method Not Allowed (POST): /path` and `Gone: /path`) reach the logger of the
 * application serving that request. One subscription for the process; each app registers its
 * resolver, which the handler stores on every request it serves as `request.urlconf`.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { HttpRequest } from '@reins/http';
import type { Logger, LogRecord } from '../logger.js';

const loggers = new WeakMap<object, Logger>();
let subscribed = false;

function forward(message: unknown): void {
  const record = message as LogRecord;
  const urlconf = (record.request as HttpRequest | undefined)?.urlconf;
  if (typeof urlconf !== 'object' || urlconf === null) return;
  loggers.get(urlconf)?.log(record);
}

/** Send `reins:log` records about requests served with `resolver` to `logger`. */
export function routeViewLogs(resolver: object, logger: Logger): void {
  loggers.set(resolver, logger);
  if (!subscribed) {
    subscribe('reins:log', forward);
    subscribed = true;
  }
}
