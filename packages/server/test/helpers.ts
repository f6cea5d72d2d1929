/** Shared test helpers: a logger that records, and a request builder. */
import { HttpRequest } from '@reins/http';
import type { HttpResponse, HttpResponseBase } from '@reins/http';
import type { LogRecord, Logger } from '../src/index.js';

/** A logger that keeps every record. */
export function recordingLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  return {
    records,
    log(record) {
      records.push(record);
    },
  };
}

/** A GET (or other) request as an adapter would build it. */
export function makeRequest(
  url: string,
  init: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {},
  options: ConstructorParameters<typeof HttpRequest>[0] extends infer T
    ? T extends { options?: infer O }
      ? O
      : never
    : never = {},
): HttpRequest {
  return new HttpRequest({
    method: init.method ?? 'GET',
    url,
    headers: { host: init.host ?? 'testserver', ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
    options: { allowedHosts: ['testserver'], ...options },
  });
}

/** The decoded body of a (non-streaming) response. */
export function text(response: HttpResponseBase): string {
  return (response as HttpResponse).text();
}
