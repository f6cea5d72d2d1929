/**
 * `pnpm bench`: @reins/urls against the fastest JavaScript routers, in one process, on the
 * Django-shaped table and the GitHub v3 API table (bench/data, copied from the shared bench
 * data). Every router is first checked to answer each case correctly; a router that cannot
 * express a table is reported as such. reins is measured through `match()`, which returns null
 * for a miss as the peers do (`resolve()` throwing `Resolver404` is timed in "other"). Each case
 * is measured in BENCH_ROUNDS rounds (default 3), every router once per round in a rotating
 * order, so load from other processes falls on all of them alike; the median of the rounds'
 * medians is printed. Each table is measured twice: with one path string object reused for every
 * lookup (the usual micro-benchmark), and with a fresh string per lookup, as a server receives
 * paths — V8 caches work on a reused string, which favours some designs. Then: reverse() against
 * path-to-regexp's compile(), and the time to build
 * 1,000 and 10,000 routes. Prints ns/op, ops/s, ratios and whether each goal of the issue is met.
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

type Lookup = (path: string) => string | null;

function peers(table: Table): Array<[string, Lookup | string]> {
  const out: Array<[string, Lookup | string]> = [];
  const guard = (name: string, make: () => Lookup): void => {
    try {
      out.push([name, make()]);
    } catch (error) {
      out.push([
        name,
        `cannot express this table (${(error as Error).message.split('\n')[0]!.slice(0, 80)})`,
      ]);
    }
  };
  guard('reins', () => {
    const resolver = table.reins().compile();
    return (p) => {
      const m = resolver.match(p);
      return m === null ? null : m.viewName;
    };
  });
  guard('find-my-way', () => {
    const router = FindMyWay();
    for (const r of table.routes) router.on('GET', r.colon, () => null, { key: r.key });
    return (p) => {
      const found = router.find('GET', p);
      return found === null ? null : (found.store as { key: string }).key;
    };
  });
  guard('memoirist', () => {
    const router = new Memoirist<string>();
    for (const r of table.routes) router.add('GET', r.colon, r.key);
    return (p) => router.find('GET', p)?.store ?? null;
  });
  guard('rou3', () => {
    const router = createRouter<string>();
    for (const r of table.routes) addRoute(router, 'GET', r.colon, r.key);
    return (p) => findRoute(router, 'GET', p)?.data ?? null;
  });
  guard('rou3 compiled', () => {
    const router = createRouter<string>();
    for (const r of table.routes) addRoute(router, 'GET', r.colon, r.key);
    const find = compileRouter(router);
    return (p) => find('GET', p)?.data ?? null;
  });
  guard('hono RegExpRouter', () => {
    const router = new RegExpRouter<string>();
    for (const r of table.routes) router.add('GET', r.colon, r.key);
    router.match('GET', '/');
    return (p) => {
      const [handlers] = router.match('GET', p);
      const first = handlers[0];
      return first === undefined ? null : first[0];
    };
  });
  guard('path-to-regexp 8 (linear)', () => {
    const matchers = table.routes.map(
      (r) => [p2rMatch(r.colon, { decode: false }), r.key] as const,
    );
    return (p) => {
      for (const [m, key] of matchers) if (m(p) !== false) return key;
      return null;
    };
  });
  return out;
}

const OPTS = { min_cpu_time: 150 * 1e6, max_samples: 1e9 };
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times each function ROUNDS times, rotating the order per round; the median per function. */
async function interleaved(fns: Array<() => unknown>): Promise<number[]> {
  const samples = fns.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (k + round) % fns.length;
      samples[i]!.push(await timeIt(fns[i]!));
    }
  }
  return samples.map(median);
}

/** The goals of the issue, filled in by the sections and printed at the end. */
const goals: Array<{ goal: string; met: boolean; detail: string }> = [];
const resolveRatios: Array<{ label: string; ratio: number }> = [];
const freshRatios: Array<{ label: string; ratio: number }> = [];

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
 * `() => target(fresh)`, where `fresh` is a new flat string with the path's text on every call,
 * as an HTTP server hands a router one per request. Reusing one string object lets V8 cache work
 * on it (its hash; once it has been used as a property key, an internalized copy; `split()`
 * results for internalized strings), which flatters some routers and not others. The cost of
 * making the string is measured alone and subtracted.
 */
function isolatedFresh<A extends string>(target: (arg: A) => unknown, arg: A): () => unknown {
  const bytes = Buffer.from(arg, 'latin1');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- a fresh call site per router (see above)
  return new Function(
    'target',
    'bytes',
    'n',
    'dno',
    'return function bench() { return dno(target(bytes.latin1Slice(0, n))); };',
  )(target, bytes, bytes.length, do_not_optimize) as () => unknown;
}

function fmt(ns: number): string {
  return ns < 100 ? ns.toFixed(1) : ns.toFixed(0);
}

function opsPerSec(ns: number): string {
  const ops = 1e9 / ns;
  return ops >= 1e6 ? `${(ops / 1e6).toFixed(1)}M` : `${(ops / 1e3).toFixed(0)}k`;
}

async function matchSection(table: Table, fresh: boolean): Promise<void> {
  const routers = peers(table);
  const tableCases = table.name === 'django' ? cases.django.match : cases.github.match;
  const how = fresh
    ? 'a fresh string per lookup, as a server sees paths (making it subtracted)'
    : 'one string object reused for every lookup';
  console.log(
    `\n## ${table.name} table (${table.routes.length} routes), ${how}: median ns per lookup (ops/s)\n`,
  );
  const names = routers.map(([n]) => n);
  console.log(`| case | ${names.join(' | ')} | reins vs fastest peer |`);
  console.log(`|---|${names.map(() => '---').join('|')}|---|`);
  for (const [caseName, c] of Object.entries(tableCases)) {
    const cells: string[] = [];
    const timed: Array<{ name: string; cell: number; fn: () => unknown }> = [];
    for (const [name, lookup] of routers) {
      if (typeof lookup === 'string') {
        cells.push(caseName === 'static' ? lookup : '–');
        continue;
      }
      const answer = lookup(c.path);
      if (answer !== c.expect) {
        cells.push(`wrong answer (${String(answer)})`);
        continue;
      }
      const fn = fresh ? isolatedFresh(lookup, c.path) : isolated(lookup, c.path);
      timed.push({ name, cell: cells.push('') - 1, fn });
    }
    const measured = await interleaved([
      ...timed.map((t) => t.fn),
      ...(fresh ? [isolatedFresh((p: string) => p, c.path)] : []),
    ]);
    const making = fresh ? measured.pop()! : 0;
    const times = measured.map((ns) => Math.max(0.1, ns - making));
    let reins = 0;
    let bestPeer = Infinity;
    let bestPeerName = '';
    timed.forEach((t, i) => {
      const ns = times[i]!;
      cells[t.cell] = `${fmt(ns)} (${opsPerSec(ns)})`;
      if (t.name === 'reins') reins = ns;
      else if (ns < bestPeer) {
        bestPeer = ns;
        bestPeerName = t.name;
      }
    });
    let ratio = '–';
    if (reins > 0 && bestPeer < Infinity) {
      ratio = `${(bestPeer / reins).toFixed(2)}× (${bestPeerName})`;
      (fresh ? freshRatios : resolveRatios).push({
        label: `${table.name} ${caseName}`,
        ratio: bestPeer / reins,
      });
    }
    console.log(`| ${caseName} | ${cells.join(' | ')} | ${ratio} |`);
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

const started = performance.now();
console.log(
  `@reins/urls benchmark — Node ${process.version}, mitata, one process, ${ROUNDS} interleaved round(s), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start`,
);
console.log(
  'reins is measured with match() (null for a miss, as the peers return null/undefined).',
);
// `pnpm bench [build] [django] [github] [reverse] [other]` runs only the sections named.
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
for (const fresh of [false, true]) {
  if (wanted('django')) await matchSection(djangoTable(), fresh);
  if (wanted('github')) await matchSection(githubTable(), fresh);
}
if (wanted('reverse')) await reverseSection();
if (wanted('other')) await extrasSection();
for (const [ratios, how] of [
  [freshRatios, 'a fresh string per lookup'],
  [resolveRatios, 'one string object reused'],
] as const) {
  if (ratios.length === 0) continue;
  const worst = ratios.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  goals.unshift({
    goal: `resolve ≥ 1.0× the fastest peer on every case (${how})`,
    met: worst.ratio >= 1,
    detail: `worst: ${worst.label} ${worst.ratio.toFixed(2)}×; ${ratios
      .filter((r) => r.ratio < 1)
      .map((r) => `${r.label} ${r.ratio.toFixed(2)}×`)
      .join(', ')}`.replace(/; $/, ''),
  });
}
if (goals.length > 0) {
  console.log('\n## goals\n');
  for (const g of goals) console.log(`- ${g.goal}: **${g.met ? 'met' : 'not met'}** (${g.detail})`);
}
console.log(
  `\n(total ${((performance.now() - started) / 1000).toFixed(0)} s, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end)`,
);
