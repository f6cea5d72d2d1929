/**
 * A bounded HTTP load through the balancer: `concurrency` loops, each sending GETs one after
 * another over keep-alive until `stop()` or `durationMs`, counting what came back — 200s by the
 * instance named in `X-Reins-Instance`, other statuses, and transport errors. Timing is measured
 * here, never asserted on.
 */
import { Agent, request } from 'undici';

/** What a load saw. */
interface LoadResult {
  ok: number;
  /** Non-200 answers, by status. */
  statuses: Record<string, number>;
  /** Requests that got no answer (reset, refused, timed out), by error code. */
  errors: Record<string, number>;
  failed: number;
  byInstance: Record<string, number>;
  seconds: number;
  requestsPerSecond: number;
}

/** A running load. */
export interface Load {
  stop(): Promise<LoadResult>;
  /** Requests answered so far. */
  readonly answered: number;
}

/** Start a load against `url`. */
export function startLoad(
  url: string,
  { concurrency = 16, durationMs = 30_000, timeoutMs = 10_000 } = {},
): Load {
  const agent = new Agent({
    connections: concurrency,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const result: LoadResult = {
    ok: 0,
    statuses: {},
    errors: {},
    failed: 0,
    byInstance: {},
    seconds: 0,
    requestsPerSecond: 0,
  };
  let running = true;
  const started = performance.now();
  const deadline = setTimeout(() => (running = false), durationMs);
  const loop = async (): Promise<void> => {
    while (running) {
      try {
        const response = await request(url, { dispatcher: agent });
        await response.body.dump();
        if (response.statusCode === 200) {
          result.ok++;
          const instance = String(response.headers['x-reins-instance'] ?? '?');
          result.byInstance[instance] = (result.byInstance[instance] ?? 0) + 1;
        } else {
          result.failed++;
          result.statuses[response.statusCode] = (result.statuses[response.statusCode] ?? 0) + 1;
        }
      } catch (error) {
        result.failed++;
        const code = (error as { code?: string }).code ?? (error as Error).name;
        result.errors[code] = (result.errors[code] ?? 0) + 1;
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    get answered() {
      return result.ok + result.failed;
    },
    async stop() {
      running = false;
      clearTimeout(deadline);
      await Promise.all(loops);
      result.seconds = (performance.now() - started) / 1000;
      result.requestsPerSecond = Math.round((result.ok + result.failed) / result.seconds);
      await agent.close();
      return result;
    },
  };
}
