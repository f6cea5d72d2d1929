/**
 * `pnpm bench`: what the built-ins cost per request, in process (no sockets), against the bare
 * view they wrap. Each iteration builds a fresh request (its lazy caches start empty, as on a real
 * request) and runs the chain once. The end-to-end figure over real sockets — reins with
 * Security + Common + XFrameOptions against raw node:http — is @reins/server's benchmark.
 */
import { HttpRequest, HttpResponse } from '@reins/http';
import { bench, do_not_optimize, run } from 'mitata';
import type { GetResponse, Middleware } from '../src/index.js';
import {
  commonMiddleware,
  conditionalGetMiddleware,
  csrfContextProcessor,
  csrfViewMiddleware,
  gzipMiddleware,
  securityMiddleware,
  xFrameOptionsMiddleware,
} from '../src/index.js';

const PAGE = `<!doctype html><title>Hello</title><main>${'<p>Hello, world! '.repeat(100)}</main>`;
const urlconf = {
  resolve(path: string) {
    if (path === '/hello/') return { view: null };
    throw Object.assign(new Error('404'), { code: 'urls.resolver404' });
  },
};

function request(url: string, headers: Record<string, string> = {}): HttpRequest {
  const req = new HttpRequest({
    url,
    headers: { host: 'localhost:8000', 'accept-encoding': 'gzip, br', ...headers },
    options: { allowedHosts: ['localhost'] },
  });
  req.urlconf = urlconf;
  return req;
}

const view: GetResponse = () => new HttpResponse(PAGE);
const csrfView: GetResponse = (req) =>
  new HttpResponse(`<form>${String(csrfContextProcessor(req).csrf_token)}</form>`);
const compose = (middleware: Middleware[], inner: GetResponse = view): GetResponse =>
  middleware.reduceRight<GetResponse>((next, factory) => factory(next, {}), inner);

const builtins = compose([securityMiddleware(), commonMiddleware(), xFrameOptionsMiddleware()]);
const cases: [string, GetResponse, string][] = [
  ['bare view', view, '/hello/'],
  ['Security + Common + XFrameOptions', builtins, '/hello/'],
  ['  same, slashless path (two resolves, 301)', builtins, '/hello'],
  ['ConditionalGet (MD5 ETag of 1.7 kB)', compose([conditionalGetMiddleware()]), '/hello/'],
  ['GZip (1.7 kB page, sync zlib)', compose([gzipMiddleware()]), '/hello/'],
  ['Csrf (GET, token rendered, cookie set)', compose([csrfViewMiddleware()], csrfView), '/hello/'],
];
for (const [name, handler, path] of cases) {
  bench(name, () => do_not_optimize(handler(request(path))));
}

const results = await run({ format: 'quiet' });
const averages = new Map<string, number>();
for (const trial of results.benchmarks) {
  const stats = trial.runs[0]?.stats;
  // The median, not the mean: other processes share these cores, and GC pauses land in the tail.
  if (stats) averages.set(trial.alias, stats.p50);
}
const bare = averages.get('bare view')!;
console.log(`@reins/middleware — per-request cost in process (Node ${process.version})\n`);
console.log('case'.padEnd(52) + 'p50 ns'.padStart(10) + 'req/s'.padStart(14) + '  vs bare view');
for (const [name, avg] of averages) {
  console.log(
    name.padEnd(52) +
      avg.toFixed(0).padStart(10) +
      Math.round(1e9 / avg)
        .toLocaleString('en')
        .padStart(14) +
      `  ${(bare / avg).toFixed(2)}×`,
  );
}
