/**
 * Health endpoints for a load balancer or an orchestrator, to mount in the URLconf: liveness
 * ("the process answers") and readiness ("send me traffic": the configured databases, session
 * store and caches answer within a timeout, and the server is not draining). Django has none built
 * in; these follow the Kubernetes convention (200 when fine, 503 otherwise).
 *
 * @module
 */
import { HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { contextOfRequestApp } from './internal/app-registry.js';
import { resourceChecks } from './internal/app-resources.js';
import type { ResourceCheck } from './internal/app-resources.js';
import { isDraining } from './internal/draining.js';

function json(status: number, body: unknown): HttpResponse {
  const response = new HttpResponse(JSON.stringify(body), {
    status,
    contentType: 'application/json',
  });
  // A balancer or a cache in between must never answer for the process.
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/**
 * Liveness: 200 `{"status":"ok"}` while the process serves requests; it checks nothing else, so
 * an outage of the database never gets healthy processes restarted.
 *
 * @example
 * path('-/live/', livenessView, { name: 'liveness' });
 */
export function livenessView(_request: HttpRequest): HttpResponse {
  return json(200, { status: 'ok' });
}

/**
 * Options of {@link readinessView}.
 *
 * @example
 * const options: ReadinessOptions = { timeout: 1000 };
 */
export interface ReadinessOptions {
  /** How long every check may take together, ms. Default 2000. */
  timeout?: number;
  /** Checks of your own, by name, run beside those of the configured databases, sessions and caches. */
  checks?: Readonly<Record<string, () => Promise<unknown>>>;
}

/**
 * Readiness: pings each configured database (`select 1`), the session store and every cache, in
 * parallel within `timeout`; 200 `{"status":"ok","checks":{…}}` when all answer, 503 naming what
 * failed (never the error text: the endpoint is often public). 503 `draining` once SIGTERM is
 * received, so the balancer stops sending before the listener closes.
 *
 * @example
 * path('-/ready/', readinessView({ timeout: 1000 }), { name: 'readiness' });
 */
export function readinessView(
  options: ReadinessOptions = {},
): (request: HttpRequest) => Promise<HttpResponse> {
  const timeout = options.timeout ?? 2000;
  const own: ResourceCheck[] = Object.entries(options.checks ?? {}).map(([name, ping]) => ({
    name,
    ping,
  }));
  return async function readiness(request: HttpRequest): Promise<HttpResponse> {
    if (isDraining()) return json(503, { status: 'draining' });
    const context = contextOfRequestApp(request.app);
    const checks = [...(context === undefined ? [] : resourceChecks(context.settings)), ...own];
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeout);
    });
    const results = await Promise.all(
      checks.map(async (check) => {
        const outcome = await Promise.race([
          Promise.resolve()
            .then(() => check.ping())
            .then(
              () => 'ok' as const,
              () => 'failed' as const,
            ),
          expired,
        ]);
        return [check.name, outcome] as const;
      }),
    );
    clearTimeout(timer);
    const ready = results.every(([, outcome]) => outcome === 'ok');
    return json(ready ? 200 : 503, {
      status: ready ? 'ok' : 'unavailable',
      checks: Object.fromEntries(results),
    });
  };
}
