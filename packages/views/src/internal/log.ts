/**
 * Views log what Django logs on `django.request` (`Method Not Allowed (POST): /path`,
 * `Gone: /path`) without depending on the server: records go to the `reins:log` diagnostics
 * channel, which `@reins/server` (or anyone) subscribes to. Publishing costs nothing when nobody
 * listens.
 */
import { channel } from 'node:diagnostics_channel';
import type { HttpRequest } from '@reins/http';

const logChannel = channel('reins:log');

/** Publish a `reins.request` warning about `request` (shaped like the server's `LogRecord`). */
export function logRequestWarning(message: string, request: HttpRequest, status: number): void {
  if (!logChannel.hasSubscribers) return;
  logChannel.publish({ level: 'warning', logger: 'reins.request', message, request, status });
}
