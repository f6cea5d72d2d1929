/**
 * `pnpm --filter @reins/runtimes bench:fetch`: reins' and Hono's `fetch` in ONE Bun process, no
 * sockets — what each framework itself costs per request, without the server and the client that
 * dominate `bench/http.ts`. The two alternate in rounds (BENCH_ROUNDS, default 7, of
 * BENCH_ITERATIONS calls, default 50,000, per route), each call a fresh `Request` whose response
 * body is read; the process's CPU time (`process.cpuUsage()`) per call is the figure, the median
 * over the rounds printed with each round's ratio. Each `Request` carries a `Host` header, as every
 * request a server hands over does. `new Request()` + reading the body alone is printed too: both
 * frameworks pay it, so it is the floor under both figures.
 */
import { honoFetch, reinsFetch, type FetchHandler } from './apps.js';

declare const process: {
  env: Record<string, string | undefined>;
  cpuUsage(): { user: number; system: number };
};

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);
const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 50_000);
const ORIGIN = 'http://127.0.0.1:3000';
const HEADERS = { host: '127.0.0.1:3000' };
const ROUTES: Array<[string, string]> = [
  ['page (`/hello/<str:name>/`, a template)', '/hello/ada/'],
  ['JSON (`/api/greetings/<int:n>/`)', '/api/greetings/1/'],
];

const targets: Record<string, FetchHandler> = {
  reins: reinsFetch(),
  hono: honoFetch(),
  floor: () => new Response('x'),
};

function cpu(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU microseconds per call of `handler` on `url`. */
async function measure(handler: FetchHandler, url: string): Promise<number> {
  const start = cpu();
  for (let i = 0; i < ITERATIONS; i++) {
    const response = await handler(new Request(url, { headers: HEADERS }));
    await response.text();
  }
  return (cpu() - start) / ITERATIONS;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const results: Record<string, Record<string, number[]>> = {};
for (const [label, path] of ROUTES) {
  const bodies = await Promise.all(
    ['reins', 'hono'].map(async (name) =>
      (await targets[name]!(new Request(ORIGIN + path, { headers: HEADERS }))).text(),
    ),
  );
  if (bodies[0] !== bodies[1]) throw new Error(`reins and Hono answer ${path} differently`);
  // Warm-up: let the JIT see every path before the first timed round.
  for (const name of Object.keys(targets)) await measure(targets[name]!, ORIGIN + path);
  results[label] = {};
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['reins', 'hono', 'floor'] : ['floor', 'hono', 'reins'];
    for (const name of order) {
      (results[label][name] ??= []).push(await measure(targets[name]!, ORIGIN + path));
    }
  }
}

console.log(
  `reins vs Hono, app.fetch() in one Bun process — ${ROUNDS} rounds × ${ITERATIONS} calls per route, CPU µs per call (median)\n`,
);
console.log('| route | reins µs | Hono µs | Hono / reins | per round | Request + body floor µs |');
console.log('|---|---|---|---|---|---|');
for (const [label] of ROUTES) {
  const row = results[label]!;
  const [ours, theirs, floor] = [row['reins']!, row['hono']!, row['floor']!];
  const rounds = ours.map((value, i) => (theirs[i]! / value).toFixed(2)).join(' / ');
  console.log(
    `| ${label} | ${median(ours).toFixed(2)} | ${median(theirs).toFixed(2)} | **${(median(theirs) / median(ours)).toFixed(2)}×** | ${rounds} | ${median(floor).toFixed(2)} |`,
  );
}
