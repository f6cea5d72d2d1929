/**
 * The server `pnpm bench` starts on Bun, once per target (`BENCH_TARGET`: `reins` or `hono`, the
 * applications of bench/apps.ts), as `bun dist/bench.js` from `bench/http.ts`.
 */
import { honoFetch, reinsFetch } from './apps.js';

declare const Bun: {
  serve(options: {
    hostname: string;
    port: number;
    fetch: (request: Request) => Response | Promise<Response>;
  }): { port: number };
};
declare const process: { env: Record<string, string | undefined> };

const fetch = process.env['BENCH_TARGET'] === 'hono' ? honoFetch() : reinsFetch();
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch });
console.log(`listening on http://127.0.0.1:${server.port}/`);
