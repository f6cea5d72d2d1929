/**
 * `pnpm bench`: @reins/urls against the fastest JavaScript routers on the Django-shaped table and
 * the GitHub v3 API table (bench/data, copied from the shared bench data), measured as a caller
 * pays: every router's adapter reads each param it returns (reins' `kwargs`, the peers' `params`),
 * and every lookup gets a fresh path string, as an HTTP server hands a router one per request
 * (making the string is timed alone and subtracted). Every router is first checked to return the
 * right route and params for each case; a router that cannot express a table is reported as such.
 * reins is measured through `match()`, which returns null for a miss as the peers do
 * (`resolve()` throwing `Resolver404` is timed in "other").
 *
 * Two figures per case, both the median over BENCH_ROUNDS rounds (default 3):
 * - **own process**: each round starts one process per router, which builds only that router and
 *   times every case of both tables, as an application running one router would;
 * - **interleaved**: every router in this one process, warmed up in turn, then timed batch by
 *   batch in alternation (a 5 ms batch of each router, the order rotating), so a slow phase of
 *   the shared machine falls on all of them alike.
 * Then: reverse() against path-to-regexp's compile(), and the time to build 1,000 and 10,000
 * routes. Prints ns/op, ops/s, ratios and whether each goal of the issue is met.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import FindMyWay from 'find-my-way';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { Memoirist } from 'memoirist';
import { do_not_optimize, measure } from 'mitata';
import { compile as p2rCompile, match as p2rMatch } from 'path-to-regexp';
import { addRoute, createRouter, findRoute } from 'rou3';
import { compileRouter } from 'rou3/compiler';
import type { URLPattern, URLResolver, View } from '../src/index.js';
import { createResolver, include, path } from '../src/index.js';

const here = new URL('./data/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, here), 'utf8');

interface DjangoEntry {
  path?: string;
  name?: string;
  prefix?: string;
  namespace?: string;
  include?: DjangoEntry[];
}
interface Case {
  method: string;
  path: string;
  expect: string | null;
}
const cases = JSON.parse(read('cases.json')) as {
  github: { match: Record<string, Case> };
  django: {
    match: Record<string, Case>;
    reverse: Record<string, { name: string; params: Record<string, string>; expect: string }>;
  };
};

/** One route of a table: its key (the answer a router must return), Django route and `:param` path. */
interface Route {
  key: string;
  django: string;
  colon: string;
}

interface Table {
  name: string;
  routes: Route[];
  reins: () => URLResolver;
}

function viewNamed(name: string): View {
  const view: View = () => name;
  Object.defineProperty(view, 'name', { value: name });
  return view;
}

function toColon(route: string): string {
  return '/' + route.replace(/<(?:[^>:]+:)?([^>]+)>/g, ':$1');
}

function djangoTable(): Table {
  const data = JSON.parse(read('django-routes.json')) as { urlpatterns: DjangoEntry[] };
  const routes: Route[] = [];
  const build = (
    entries: DjangoEntry[],
    prefix: string,
    ns: string,
  ): Array<URLPattern | URLResolver> =>
    entries.map((e) => {
      if (e.include !== undefined) {
        const child = ns === '' ? e.namespace! : `${ns}:${e.namespace!}`;
        const children = build(e.include, prefix + e.prefix!, child);
        return path(e.prefix!, include({ urlpatterns: children, appName: e.namespace! }));
      }
      const key = ns === '' ? e.name! : `${ns}:${e.name!}`;
      routes.push({ key, django: prefix + e.path!, colon: toColon(prefix + e.path!) });
      return path(e.path!, viewNamed(key), { name: e.name! });
    });
  const urlpatterns = build(data.urlpatterns, '', '');
  return { name: 'django', routes, reins: () => createResolver(urlpatterns) };
}

function githubTable(): Table {
  const seen = new Map<string, string>();
  for (const line of read('github-routes.txt').split('\n')) {
    const m = /^(\w+) (\/\S*)$/.exec(line.trim());
    if (m === null) continue;
    const [, method, p] = m;
    const existing = seen.get(p!);
    if (existing === undefined || (method === 'GET' && !existing.startsWith('GET ')))
      seen.set(p!, `${method!} ${p!}`);
  }
  const routes: Route[] = [...seen].map(([p, key]) => ({
    key,
    colon: p,
    django: p.slice(1).replace(/:(\w+)/g, '<$1>'),
  }));
  return {
    name: 'github',
    routes,
    reins: () =>
      createResolver(routes.map((r) => path(r.django, viewNamed(r.key), { name: r.key }))),
  };
}

/** Receives every param a router returned: how the bench reads them, as a view would. */
type Sink = (name: string, value: unknown) => void;
/** One router's lookup: the route's key (null for a miss), each param handed to `sink`. */
type Lookup = (path: string, sink: Sink) => string | null;

const ROUTERS = [
  'reins',
  'find-my-way',
  'memoirist',
  'rou3',
  'rou3 compiled',
  'hono RegExpRouter',
  'path-to-regexp 8 (linear)',
] as const;
type RouterName = (typeof ROUTERS)[number];

// Each adapter reads its router's result as a caller must: the params object, every entry.
const makers: Record<RouterName, (table: Table) => Lookup> = {
  reins: (table) => {
    const resolver = table.reins().compile();
    return (p, sink) => {
      const m = resolver.match(p);
      if (m === null) return null;
      const kwargs = m.kwargs;
      for (const k in kwargs) sink(k, kwargs[k]);
      return m.viewName;
    };
  },
  'find-my-way': (table) => {
    const router = FindMyWay();
    for (const r of table.routes) router.on('GET', r.colon, () => null, { key: r.key });
    return (p, sink) => {
      const found = router.find('GET', p);
      if (found === null) return null;
      const params = found.params;
      for (const k in params) sink(k, params[k]);
      return (found.store as { key: string }).key;
    };
  },
  memoirist: (table) => {
    const router = new Memoirist<string>();
    for (const r of table.routes) router.add('GET', r.colon, r.key);
    return (p, sink) => {
      const found = router.find('GET', p);
      if (found === null) return null;
      const params = found.params;
      for (const k in params) sink(k, params[k]);
      return found.store;
    };
  },
  rou3: (table) => {
    const router = createRouter<string>();
    for (const r of table.routes) addRoute(router, 'GET', r.colon, r.key);
    return (p, sink) => {
      const found = findRoute(router, 'GET', p);
      if (found === undefined) return null;
      const params = found.params;
      if (params !== undefined) for (const k in params) sink(k, params[k]);
      return found.data;
    };
  },
  'rou3 compiled': (table) => {
    const router = createRouter<string>();
    for (const r of table.routes) addRoute(router, 'GET', r.colon, r.key);
    const find = compileRouter(router);
    return (p, sink) => {
      const found = find('GET', p);
      if (found === undefined) return null;
      const params = found.params;
      if (params !== undefined) for (const k in params) sink(k, params[k]);
      return found.data;
    };
  },
  'hono RegExpRouter': (table) => {
    const router = new RegExpRouter<string>();
    for (const r of table.routes) router.add('GET', r.colon, r.key);
    router.match('GET', '/');
    return (p, sink) => {
      const [handlers, stash] = router.match('GET', p);
      const first = handlers[0];
      if (first === undefined) return null;
      // Hono's params: indexes into the stash when there is one, else the values themselves.
      const map = first[1] as Record<string, string | number>;
      for (const k in map) sink(k, stash === undefined ? map[k] : stash[map[k] as number]);
      return first[0];
    };
  },
  'path-to-regexp 8 (linear)': (table) => {
    const matchers = table.routes.map(
      (r) => [p2rMatch(r.colon, { decode: false }), r.key] as const,
    );
    return (p, sink) => {
      for (const [m, key] of matchers) {
        const found = m(p);
        if (found === false) continue;
        const params = found.params;
        for (const k in params) sink(k, params[k]);
        return key;
      }
      return null;
    };
  },
};

/** The router built for a table, or why it cannot express it. */
function buildRouter(name: RouterName, table: Table): Lookup | string {
  try {
    return makers[name](table);
  } catch (error) {
    return `cannot express this table (${(error as Error).message.split('\n')[0]!.slice(0, 80)})`;
  }
}

/** The route and params a lookup returns, with values as strings, for the answer check. */
function answer(lookup: Lookup, path: string): string {
  const params: string[] = [];
  const key = lookup(path, (k, v) => params.push(`${k}=${String(v)}`));
  return key === null ? 'null' : `${key} {${params.sort().join(', ')}}`;
}

/** The expected answer of a case: its route, and each param of that route cut from the path. */
function expected(table: Table, c: Case): string {
  if (c.expect === null) return 'null';
  const route = table.routes.find((r) => r.key === c.expect)!;
  const names = route.colon.split('/');
  const values = c.path.split('/');
  const params = names
    .map((n, i) => (n.startsWith(':') ? `${n.slice(1)}=${values[i]!}` : ''))
    .filter(Boolean);
  return `${c.expect} {${params.sort().join(', ')}}`;
}

const OPTS = { min_cpu_time: 150 * 1e6, max_samples: 1e9 };
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times each function ROUNDS times, rotating the order per round; the median per function. */
async function interleaved<F>(
  fns: F[],
  time: (fn: F) => number | Promise<number> = timeIt as (fn: F) => Promise<number>,
): Promise<number[]> {
  const samples = fns.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (k + round) % fns.length;
      samples[i]!.push(await time(fns[i]!));
    }
  }
  return samples.map(median);
}

/** BENCH_VERBOSE=1 prints each round's figures of every router and of making the string, per case. */
const VERBOSE = process.env['BENCH_VERBOSE'] === '1';
/** BENCH_CASES=`github param1,django deep` times only those cases. */
const CASES = process.env['BENCH_CASES']?.split(',').map((c) => c.trim());
const caseWanted = (key: string): boolean => CASES === undefined || CASES.includes(key);

/** This process's CPU time so far, in nanoseconds (every thread: V8's compiler and GC threads too). */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}

/** How many calls of `run(n)` take about 5 ms of CPU (a batch). */
function batchSize(run: (n: number) => void): number {
  let n = 1000;
  for (;;) {
    const t = cpu();
    run(n);
    if (cpu() - t >= 2e6 || n >= 1e8) break;
    n *= 2;
  }
  const t0 = cpu();
  run(n);
  const perCall = Math.max(1, (cpu() - t0) / n);
  return Math.max(100, Math.round(5e6 / perCall));
}

/**
 * CPU nanoseconds per call of one batch of `run(n)` (which makes n calls). CPU time, not wall
 * time: this machine is shared (the load average is printed), and a process that is preempted in
 * the middle of a wall-clock sample reports the other processes' time as its own — which is what
 * made single processes' figures swing 2–10× from one run to the next. CPU time still counts what
 * the lookups cost in garbage collection, on any thread of the process — and also whatever V8's
 * background threads do meanwhile (compiling, marking), which only ever adds: the lower quartile
 * of a function's batches leaves out the batches a compile of some other function landed on,
 * where the median did not when several did.
 */
function batch(run: (n: number) => void, n: number): number {
  const t = cpu();
  run(n);
  return (cpu() - t) / n;
}

/** The lower quartile (see `batch`). */
function lowerQuartile(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 2]!;
}

/**
 * Every function's CPU nanoseconds per call, per round: each function is warmed up in turn
 * (`settle`), then in each of `roundCount` rounds every function runs one batch after the other,
 * BATCHES times (the order rotating at each pass), and a round's figure is the lower quartile of
 * that function's batches. Batch by batch, not function by function: CPU time per call is not
 * constant on this machine — other processes on the shared cores (and the host's other guests)
 * make every function's batches 1.5–2× slower for tens to hundreds of milliseconds at a time
 * (measured: reins, memoirist and the bare string-making loop slowing down together, with no
 * compile, deopt or GC in the process). Timed one after the other, such a phase fell on one
 * router's whole measurement and not on the others' (GitHub one-param: reins 150 ns against its
 * usual 50 in two of four runs, 0.69× instead of ~2×, the separately timed cost of making the
 * string, subtracted, amplifying it); alternated, it falls on every function alike.
 */
function alternating(
  fns: Array<(n: number) => void>,
  warmupMs: (i: number) => number,
  roundCount = ROUNDS,
): number[][] {
  const sizes = fns.map((fn, i) => {
    const n = batchSize(fn);
    settle(fn, n, warmupMs(i));
    return n;
  });
  const rounds = fns.map((): number[] => []);
  for (let round = 0; round < roundCount; round++) {
    const samples = fns.map((): number[] => []);
    for (let b = 0; b < BATCHES; b++) {
      for (let k = 0; k < fns.length; k++) {
        const i = (k + b + round) % fns.length;
        samples[i]!.push(batch(fns[i]!, sizes[i]!));
      }
    }
    samples.forEach((s, i) => rounds[i]!.push(lowerQuartile(s)));
  }
  return rounds;
}
const BATCHES = 15;

/**
 * Warm-up until the optimizing compiler has settled: at least WARMUP_CPU_MS of CPU time in
 * batches of `n` calls, then on until STABLE_BATCHES batches in a row bring no new best (by more
 * than 5%), at most WARMUP_MS of wall time. A fixed warm-up of three batches (as before) often
 * ended before V8 had optimized the code under test, so a router was timed partly in baseline
 * code, at 2-10x its steady cost: most of the swings between processes. V8 optimizes a function
 * after a number of profiler ticks that grows with its bytecode size (one more per 150 bytes), on
 * a background thread that gets little CPU on a loaded machine; large functions are hit hardest,
 * reins' generated matcher above all (tens of thousands of lookups before it is optimized).
 */
function settle(run: (n: number) => void, n: number, minMs: number): void {
  const start = performance.now();
  const cpuStart = cpu();
  let best = Infinity;
  let quiet = 0;
  while (
    (quiet < STABLE_BATCHES || cpu() - cpuStart < minMs * 1e6) &&
    performance.now() - start < WARMUP_MS
  ) {
    const t = cpu();
    run(n);
    const ns = (cpu() - t) / n;
    if (ns < best * 0.95) quiet = 0;
    else quiet++;
    best = Math.min(best, ns);
  }
}
const STABLE_BATCHES = 6;
const WARMUP_CPU_MS = 300;
const WARMUP_MS = 6000;

/** The goals of the issue, filled in by the sections and printed at the end. */
const goals: Array<{ goal: string; met: boolean; detail: string }> = [];

async function timeIt(fn: () => unknown): Promise<number> {
  const stats = await measure(fn, OPTS);
  return stats.p50;
}

/**
 * `() => target(arg)` as a fresh function literal, so each router's call site has its own type
 * feedback (monomorphic, as in an application with one router) instead of one call site shared
 * by every router, which would add the same megamorphic-call cost to all of them.
 */
function isolated<A>(target: (arg: A) => unknown, arg: A): () => unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- a fresh call site per router (see above)
  return new Function(
    'target',
    'arg',
    'dno',
    'return function bench() { return dno(target(arg)); };',
  )(target, arg, do_not_optimize) as () => unknown;
}

/**
 * A sink of its own for one router (a fresh function, so its type feedback is that router's
 * alone): it reads each name and value, and adds up their lengths so the reads are not dead code.
 */
function newSink(): Sink {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- a fresh function per router (see above)
  return new Function(
    'acc',
    "return function sink(k, v) { acc.n += k.length + (typeof v === 'string' ? v.length : 1); };",
  )(sinkTotal) as Sink;
}
const sinkTotal = { n: 0 };

/**
 * `run(n)`: n calls of `lookup(fresh, sink)`, where `fresh` is a new flat string with the path's
 * text on every call, as an HTTP server hands a router one per request. Reusing one string object
 * lets V8 cache work on it (its hash; once it has been used as a property key, an internalized
 * copy; `split()` results for internalized strings), which flatters some routers and not others.
 * The cost of making the string is measured alone (`making()`) and subtracted. The loop is a
 * fresh function per router, so its call site has that router's type feedback alone, as in an
 * application with one router.
 */
function timedLookup(lookup: Lookup, path: string): (n: number) => void {
  const bytes = Buffer.from(path, 'latin1');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- a fresh call site per router (see above)
  return new Function(
    'target',
    'bytes',
    'len',
    'sink',
    'dno',
    'return function run(n) { for (let i = 0; i < n; i++) dno(target(bytes.latin1Slice(0, len), sink)); };',
  )(lookup, bytes, bytes.length, newSink(), do_not_optimize) as (n: number) => void;
}

/** What making the fresh string alone costs, to subtract. */
function making(path: string): (n: number) => void {
  return timedLookup((p) => p, path);
}

function fmt(ns: number): string {
  return ns < 100 ? ns.toFixed(1) : ns.toFixed(0);
}

function opsPerSec(ns: number): string {
  const ops = 1e9 / ns;
  return ops >= 1e6 ? `${(ops / 1e6).toFixed(1)}M` : `${(ops / 1e3).toFixed(0)}k`;
}

type CaseKey = `${string} ${string}`;
/** Per case (`django static`…), per router: median ns per lookup, or why it was not timed. */
type Figures = Map<CaseKey, Map<RouterName, number | string>>;

function tableCases(table: Table): Record<string, Case> {
  return table.name === 'django' ? cases.django.match : cases.github.match;
}

function record(figures: Figures, key: CaseKey, router: RouterName, value: number | string): void {
  let row = figures.get(key);
  if (row === undefined) figures.set(key, (row = new Map<RouterName, number | string>()));
  row.set(router, value);
}

/** The router, checked against every case of the table: a lookup per case, or why not timed. */
function checkedLookups(name: RouterName, table: Table): Array<[string, Case, Lookup | string]> {
  const lookup = buildRouter(name, table);
  return Object.entries(tableCases(table)).map(([caseName, c]) => {
    if (typeof lookup === 'string') return [caseName, c, caseName === 'static' ? lookup : '–'];
    const got = answer(lookup, c.path);
    const want = expected(table, c);
    return [caseName, c, got === want ? lookup : `wrong answer (${got}; want ${want})`];
  });
}

/**
 * In a child process of its own: build one router for both tables and time every case (the
 * lower quartile of its batches, less that of making the string, the two timed in alternation).
 * Printed as JSON for the parent.
 */
function ownProcessChild(name: RouterName): void {
  const out: Array<[CaseKey, number | string]> = [];
  for (const table of [djangoTable(), githubTable()]) {
    for (const [caseName, c, lookup] of checkedLookups(name, table)) {
      const key: CaseKey = `${table.name} ${caseName}`;
      if (!caseWanted(key)) continue;
      if (typeof lookup === 'string') {
        out.push([key, lookup]);
        continue;
      }
      // The lookup and making the string alone, batch by batch in alternation (see `alternating`).
      const [[ns], [cost]] = alternating(
        [timedLookup(lookup, c.path), making(c.path)],
        (j) => (j === 0 ? WARMUP_CPU_MS : 0),
        1,
      ) as [[number], [number]];
      out.push([key, Math.max(0.1, ns - cost)]);
    }
  }
  console.log(`RESULT ${JSON.stringify(out)}`);
}

/** Every router in its own process, ROUNDS times (the order rotating); the median per case. */
function ownProcessFigures(): Figures {
  const samples = new Map<CaseKey, Map<RouterName, Array<number | string>>>();
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < ROUTERS.length; k++) {
      const name = ROUTERS[(k + round) % ROUTERS.length]!;
      const text = execFileSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url)],
        { env: { ...process.env, BENCH_CHILD: 'router', BENCH_ROUTER: name }, encoding: 'utf8' },
      );
      const line = text.split('\n').find((l) => l.startsWith('RESULT '))!;
      for (const [key, value] of JSON.parse(line.slice(7)) as Array<[CaseKey, number | string]>) {
        let row = samples.get(key);
        if (row === undefined)
          samples.set(key, (row = new Map<RouterName, Array<number | string>>()));
        let list = row.get(name);
        if (list === undefined) row.set(name, (list = []));
        list.push(value);
      }
    }
  }
  const figures: Figures = new Map();
  for (const [key, row] of samples) {
    for (const [name, values] of row) {
      const numbers = values.filter((v): v is number => typeof v === 'number');
      record(figures, key, name, numbers.length === values.length ? median(numbers) : values[0]!);
    }
  }
  return figures;
}

/** Every router in this process, alternating batch by batch over ROUNDS rounds; the median per case. */
function interleavedFigures(tables: Table[]): Figures {
  const figures: Figures = new Map();
  for (const table of tables) {
    const perRouter = ROUTERS.map((name) => [name, checkedLookups(name, table)] as const);
    for (const [i, [caseName, c]] of Object.entries(tableCases(table)).entries()) {
      const key: CaseKey = `${table.name} ${caseName}`;
      if (!caseWanted(key)) continue;
      const timed: Array<{ name: RouterName; fn: (n: number) => void }> = [];
      for (const [name, lookups] of perRouter) {
        const lookup = lookups[i]![2];
        if (typeof lookup === 'string') record(figures, key, name, lookup);
        else timed.push({ name, fn: timedLookup(lookup, c.path) });
      }
      const make = making(c.path);
      const fns = [...timed.map((t) => t.fn), make];
      // Making the string is one small function: no long warm-up needed.
      const rounds = alternating(fns, (j) => (fns[j] === make ? 0 : WARMUP_CPU_MS));
      const cost = rounds.pop()!;
      // Each round's figure less the string's in the same round (timed alongside), then the median.
      const net = rounds.map((r) => r.map((ns, round) => Math.max(0.1, ns - cost[round]!)));
      timed.forEach((t, j) => record(figures, key, t.name, median(net[j]!)));
      if (VERBOSE) {
        const row = (j: number): string => net[j]!.map(fmt).join(', ');
        console.log(
          `${key}: rounds, ns net — ${timed.map((t, j) => `${t.name} ${row(j)}`).join('; ')}; the string ${cost.map(fmt).join(', ')}`,
        );
      }
    }
  }
  return figures;
}

/** reins and the fastest peer of one case's row. */
function versus(row: Map<RouterName, number | string>): {
  reins: number;
  best: number;
  bestName: string;
} | null {
  const reins = row.get('reins');
  let best = Infinity;
  let bestName = '';
  for (const [name, ns] of row) {
    if (name !== 'reins' && typeof ns === 'number' && ns < best) [best, bestName] = [ns, name];
  }
  return typeof reins === 'number' && best < Infinity ? { reins, best, bestName } : null;
}

function printFigures(title: string, figures: Figures): void {
  console.log(`\n## ${title}: median ns per lookup (ops/s)\n`);
  console.log(`| case | ${ROUTERS.join(' | ')} | reins vs fastest peer |`);
  console.log(`|---|${ROUTERS.map(() => '---').join('|')}|---|`);
  for (const [key, row] of figures) {
    const cells = ROUTERS.map((name) => {
      const v = row.get(name);
      return typeof v === 'number' ? `${fmt(v)} (${opsPerSec(v)})` : (v ?? '–');
    });
    const vs = versus(row);
    const ratio = vs === null ? '–' : `${(vs.best / vs.reins).toFixed(2)}× (${vs.bestName})`;
    console.log(`| ${key} | ${cells.join(' | ')} | ${ratio} |`);
  }
}

/** Per case: reins and the fastest peer with the ratio, under both methods; the goal. */
function printSummary(own: Figures | null, mixed: Figures | null): void {
  console.log('\n## resolve: reins against the fastest peer (median ns per lookup)\n');
  console.log(
    '| case | own process: reins | fastest peer | ratio | interleaved: reins | fastest peer | ratio |',
  );
  console.log('|---|---|---|---|---|---|---|');
  const keys = new Set([...(own?.keys() ?? []), ...(mixed?.keys() ?? [])]);
  const worst: Record<string, { label: string; ratio: number }[]> = { own: [], interleaved: [] };
  for (const key of keys) {
    const cells: string[] = [];
    for (const [how, figures] of [
      ['own', own],
      ['interleaved', mixed],
    ] as const) {
      const row = figures?.get(key);
      const vs = row === undefined ? null : versus(row);
      if (vs === null) {
        cells.push('–', '–', '–');
        continue;
      }
      const ratio = vs.best / vs.reins;
      worst[how]!.push({ label: key, ratio });
      cells.push(fmt(vs.reins), `${fmt(vs.best)} ${vs.bestName}`, `**${ratio.toFixed(2)}×**`);
    }
    console.log(`| ${key} | ${cells.join(' | ')} |`);
  }
  for (const [how, ratios] of Object.entries(worst)) {
    if (ratios.length === 0) continue;
    const low = ratios.reduce((x, y) => (y.ratio < x.ratio ? y : x));
    const behind = ratios.filter((r) => r.ratio < 1);
    goals.push({
      goal: `resolve ≥ 1.0× the fastest peer on every case, params read, fresh strings (${how === 'own' ? 'each router in its own process' : 'interleaved in one process'})`,
      met: behind.length === 0,
      detail: `worst: ${low.label} ${low.ratio.toFixed(2)}×${behind.length > 0 ? `; behind on ${behind.map((r) => `${r.label} ${r.ratio.toFixed(2)}×`).join(', ')}` : ''}`,
    });
  }
}

async function reverseSection(): Promise<void> {
  const table = djangoTable();
  const resolver = table.reins().compile();
  console.log('\n## reverse (django table): median ns per call\n');
  console.log('| case | reins reverse() | path-to-regexp compile()(…) | ratio |');
  console.log('|---|---|---|---|');
  const ratios: string[] = [];
  let worst = Infinity;
  for (const [caseName, c] of Object.entries(cases.django.reverse)) {
    const route = table.routes.find((r) => r.key === c.name)!;
    const toPath = p2rCompile(route.colon);
    const ours = resolver.reverse(c.name, { kwargs: c.params });
    const theirs = toPath(c.params);
    if (ours !== c.expect || theirs !== c.expect)
      throw new Error(`reverse ${caseName}: ${ours} / ${theirs}`);
    const options = { kwargs: c.params };
    const [a, b] = (await interleaved([
      isolated((o: typeof options) => resolver.reverse(c.name, o), options),
      isolated(toPath, c.params),
    ])) as [number, number];
    console.log(
      `| ${caseName} | ${fmt(a)} (${opsPerSec(a)}) | ${fmt(b)} (${opsPerSec(b)}) | ${(b / a).toFixed(2)}× |`,
    );
    ratios.push(`${caseName} ${(b / a).toFixed(2)}×`);
    worst = Math.min(worst, b / a);
  }
  goals.push({
    goal: 'reverse ≥ 2× path-to-regexp compile()',
    met: worst >= 2,
    detail: ratios.join(', '),
  });
}

function buildSection(): void {
  console.log(
    '\n## build time (path() declarations + createResolver() + compile() + first resolve)\n',
  );
  console.log('| routes | reins | find-my-way (for scale) |');
  console.log('|---|---|---|');
  for (const n of [1_000, 10_000]) {
    const view = viewNamed('v');
    const t0 = performance.now();
    const patterns: URLPattern[] = [];
    for (let i = 0; i < n; i++) {
      const kind = i % 4;
      const route =
        kind === 0
          ? `section${i}/`
          : kind === 1
            ? `section${i}/<int:pk>/`
            : kind === 2
              ? `section${i}/<int:pk>/item/<slug:s>/`
              : `api/v${i}/<uuid:id>/posts/<int:post>/`;
      patterns.push(path(route, view, { name: `r${i}` }));
    }
    const resolver = createResolver(patterns).compile();
    resolver.resolve(`/section${n - 2}/5/item/x/`);
    resolver.reverse(`r${n - 1}`, {
      kwargs: { id: '6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f', post: 1 },
    });
    const ours = performance.now() - t0;
    const t1 = performance.now();
    const fmw = FindMyWay();
    for (let i = 0; i < n; i++) fmw.on('GET', `/section${i}/:pk/item/:s/`, () => null);
    fmw.find('GET', '/section1/1/item/x/');
    const theirs = performance.now() - t1;
    console.log(`| ${n.toLocaleString('en')} | ${ours.toFixed(0)} ms | ${theirs.toFixed(0)} ms |`);
    if (n === 10_000) {
      goals.push({
        goal: '10,000 routes built in under a second',
        met: ours < 1000,
        detail: `${ours.toFixed(0)} ms`,
      });
    }
  }
}

async function extrasSection(): Promise<void> {
  const resolver = djangoTable().reins().compile();
  const miss = cases.django.match['miss']!.path;
  const thrown = await timeIt(
    isolated((p: string) => {
      try {
        return resolver.resolve(p);
      } catch (error) {
        return error;
      }
    }, miss),
  );
  const long = `/greetings/${'a'.repeat(32 * 1024)}`;
  const longMiss = `/articles/${'1'.repeat(32 * 1024)}/x`;
  const a = await timeIt(isolated((p: string) => resolver.match(p), long));
  const b = await timeIt(isolated((p: string) => resolver.match(p), longMiss));
  console.log('\n## other\n');
  console.log(
    `- resolve() of the django miss, throwing Resolver404: ${fmt(thrown)} ns (match() returns null instead)`,
  );
  console.log(
    `- 32 KB paths: ${(a / 1000).toFixed(1)} µs (a 32 KB segment), ${(b / 1000).toFixed(1)} µs (32 KB of digits, then a miss)`,
  );
}

if (process.env['BENCH_CHILD'] === 'router') {
  ownProcessChild(process.env['BENCH_ROUTER'] as RouterName);
  process.exit(0);
}
const started = performance.now();
console.log(
  `@reins/urls benchmark — Node ${process.version}, lookups in CPU time (reverse and other: mitata), ${ROUNDS} round(s), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start`,
);
console.log(
  'reins is measured with match() (null for a miss, as the peers return null/undefined); every adapter reads the params its router returns; a fresh path string per lookup.',
);
// `pnpm bench [build] [own] [interleaved] [reverse] [other]` runs only the sections named.
const only = new Set(process.argv.slice(2));
const wanted = (section: string): boolean => only.size === 0 || only.has(section);
// Build times are taken in a fresh child process: cold, as at an application's start, and
// without leaving the 10,000-route resolvers' code paths warm in the process that measures lookups.
if (process.env['BENCH_CHILD'] === 'build') {
  buildSection();
  console.log(`\nGOALS ${JSON.stringify(goals)}`);
  process.exit(0);
}
if (wanted('build')) {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url)],
    {
      env: { ...process.env, BENCH_CHILD: 'build' },
      encoding: 'utf8',
    },
  );
  const [text, json] = out.split('\nGOALS ');
  console.log(text!.replace(/^@reins[^\n]*\n[^\n]*\n/, '').trimEnd());
  goals.push(...(JSON.parse(json!) as typeof goals));
}
const own = wanted('own') ? ownProcessFigures() : null;
if (own !== null)
  printFigures("each router in its own process (median over the rounds' processes)", own);
const mixed = wanted('interleaved') ? interleavedFigures([djangoTable(), githubTable()]) : null;
if (mixed !== null) printFigures('every router interleaved in one process', mixed);
if (own !== null || mixed !== null) printSummary(own, mixed);
if (wanted('reverse')) await reverseSection();
if (wanted('other')) await extrasSection();
if (goals.length > 0) {
  console.log('\n## goals\n');
  for (const g of goals) console.log(`- ${g.goal}: **${g.met ? 'met' : 'not met'}** (${g.detail})`);
}
console.log(
  `\n(total ${((performance.now() - started) / 1000).toFixed(0)} s, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end)`,
);
