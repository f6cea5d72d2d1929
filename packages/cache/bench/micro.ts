/**
 * Cache operations, reins against cache-manager (its default Keyv store in memory, and Keyv's
 * Redis store on a real Redis) and plain lru-cache, timed with mitata in one process. Values are a
 * small object, what a view caches. In memory, cache-manager and lru-cache keep and return the
 * object itself; reins copies a mutable object (MessagePack, as Django pickles) and keeps a frozen
 * one as it is — so the goal line compares the same work (a frozen value, no copy), and the
 * copying reins is shown beside it. Over Redis every library serialises (reins: MessagePack,
 * Keyv: JSON).
 */
import KeyvRedis from '@keyv/redis';
import { createCache } from 'cache-manager';
import { Keyv } from 'keyv';
import { LRUCache } from 'lru-cache';
import { bench, do_not_optimize, run } from 'mitata';
import { createClient } from 'redis';
import { LocMemCache, RedisCache } from '../src/index.js';

const VALUE = {
  id: 42,
  title: 'A short article title',
  tags: ['django', 'typescript'],
  views: 1234,
};
const FROZEN = Object.freeze({ ...VALUE, tags: Object.freeze([...VALUE.tags]) });
const KEYS = Array.from({ length: 10 }, (_, i) => `article:${i}`);
// Redis operations are run this many at once, as concurrent requests would.
const CONCURRENCY = 20;
const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 200);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

interface Case {
  group: string;
  name: string;
  fn: () => unknown;
}

async function averages(cases: Case[]): Promise<Map<string, number>> {
  for (const { group, name, fn } of cases)
    bench(`${group}|${name}`, async () => do_not_optimize(await fn()));
  const results = await run({ format: 'quiet' });
  const out = new Map<string, number>();
  for (const trial of results.benchmarks) {
    const stats = trial.runs[0]?.stats;
    if (stats) out.set(trial.alias, stats.avg);
  }
  return out;
}

function report(
  title: string,
  cases: Case[],
  times: Map<string, number>,
): { group: string; ratio: number }[] {
  console.log(`\n${title}`);
  const ratios: { group: string; ratio: number }[] = [];
  const groups = [...new Set(cases.map((c) => c.group))];
  for (const group of groups) {
    const reins = times.get(`${group}|reins`) ?? NaN;
    const manager = times.get(`${group}|cache-manager`) ?? NaN;
    for (const c of cases.filter((x) => x.group === group)) {
      const t = times.get(`${group}|${c.name}`) ?? NaN;
      console.log(`  ${`${group} — ${c.name}`.padEnd(36)} ${(t / 1000).toFixed(2).padStart(9)} µs`);
    }
    const ratio = manager / reins;
    ratios.push({ group, ratio });
    console.log(
      `  ${group}: reins is ${ratio.toFixed(2)}× cache-manager (goal ≥ 1.0×: ${ratio >= 1 ? 'met' : 'NOT met'})`,
    );
  }
  return ratios;
}

export async function memoryBench(): Promise<void> {
  const reins = new LocMemCache({ location: 'bench', maxEntries: 10_000 });
  const copying = new LocMemCache({ location: 'bench-copy', maxEntries: 10_000 });
  const manager = createCache();
  const lru = new LRUCache<string, object>({ max: 10_000 });
  for (const key of ['article', ...KEYS]) {
    await reins.set(key, FROZEN, 300);
    await copying.set(key, VALUE, 300);
    await manager.set(key, VALUE, 300_000);
    lru.set(key, VALUE);
  }
  const cases: Case[] = [
    { group: 'get', name: 'reins', fn: () => reins.get('article') },
    { group: 'get', name: 'cache-manager', fn: () => manager.get('article') },
    { group: 'get', name: 'lru-cache', fn: () => lru.get('article') },
    { group: 'get', name: 'reins, copying', fn: () => copying.get('article') },
    { group: 'set', name: 'reins', fn: () => reins.set('article', FROZEN, 300) },
    { group: 'set', name: 'cache-manager', fn: () => manager.set('article', VALUE, 300_000) },
    { group: 'set', name: 'lru-cache', fn: () => lru.set('article', VALUE) },
    { group: 'set', name: 'reins, copying', fn: () => copying.set('article', VALUE, 300) },
    { group: 'getMany(10)', name: 'reins', fn: () => reins.getMany(KEYS) },
    { group: 'getMany(10)', name: 'cache-manager', fn: () => manager.mget(KEYS) },
    { group: 'getMany(10)', name: 'lru-cache', fn: () => KEYS.map((key) => lru.get(key)) },
    { group: 'getMany(10)', name: 'reins, copying', fn: () => copying.getMany(KEYS) },
  ];
  report(
    'local memory (per operation; goal line: a frozen value, no copy, like cache-manager)',
    cases,
    await averages(cases),
  );
}

/**
 * Redis: alternating rounds (the sides in turn, the order reversed every other round), each timing
 * `ITERATIONS` batches of `CONCURRENCY` operations in flight; the median of the rounds' ratios,
 * because a shared machine's load moves more between runs than the libraries differ. Two peers:
 * cache-manager as installed (Keyv's Redis store on its own node-redis 5 client, no timeouts),
 * and — like for like — the same store on a node-redis 6 client with reins' client options
 * (a command timeout, no offline queue). Both wall time per batch and this process' CPU time per
 * batch are compared: the CPU is what a library costs, the wall time adds Redis and the machine.
 */
export async function redisBench(url: string): Promise<void> {
  const reins = new RedisCache({ location: url });
  const manager = createCache({ stores: [new Keyv({ store: new KeyvRedis(url), namespace: '' })] });
  const sameOptions = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: 1000, rejectInFlight: true },
  });
  sameOptions.on('error', () => {});
  await sameOptions.connect();
  const likeForLike = createCache({
    stores: [new Keyv({ store: new KeyvRedis(sameOptions as never), namespace: '' })],
  });
  await reins.set('article', VALUE, 300);
  await reins.setMany(Object.fromEntries(KEYS.map((key) => [key, VALUE])), 300);
  for (const peer of [manager, likeForLike]) {
    await peer.set('article', VALUE, 300_000);
    for (const key of KEYS) await peer.set(key, VALUE, 300_000);
  }
  const many =
    <T>(fn: () => Promise<T>) =>
    () =>
      Promise.all(Array.from({ length: CONCURRENCY }, fn));
  const sides = [
    ['reins', reins],
    ['cache-manager', manager],
    ['cache-manager, reins’ client options', likeForLike],
  ] as const;
  const operations: [string, (side: RedisCache | typeof manager) => () => Promise<unknown>][] = [
    ['get', (side) => many(() => side.get('article'))],
    [
      'set',
      (side) =>
        side instanceof RedisCache
          ? many(() => side.set('article', VALUE, 300))
          : many(() => side.set('article', VALUE, 300_000)),
    ],
    [
      'getMany(10)',
      (side) =>
        side instanceof RedisCache ? many(() => side.getMany(KEYS)) : many(() => side.mget(KEYS)),
    ],
  ];
  const time = async (fn: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i += 1) await fn();
    const used = process.cpuUsage(cpu);
    return {
      wall: ((performance.now() - started) * 1000) / ITERATIONS,
      cpu: (used.user + used.system) / ITERATIONS,
    };
  };
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1]!;
  console.log(
    `\nRedis (${CONCURRENCY} operations in flight per batch, ${ROUNDS} alternating rounds; µs per batch, wall / this process' CPU)`,
  );
  for (const [group, make] of operations) {
    const fns = sides.map(([name, side]) => [name, make(side)] as const);
    for (const [, fn] of fns) await time(fn);
    const samples = new Map(fns.map(([name]) => [name, [] as { wall: number; cpu: number }[]]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, fn] of round % 2 === 0 ? fns : [...fns].reverse()) {
        samples.get(name)!.push(await time(fn));
      }
    }
    const ours = samples.get('reins')!;
    console.log(
      `  ${group.padEnd(12)} reins ${median(ours.map((s) => s.wall)).toFixed(0)} / ${median(ours.map((s) => s.cpu)).toFixed(0)}`,
    );
    for (const [name] of sides.slice(1)) {
      const theirs = samples.get(name)!;
      const ratio = (of: 'wall' | 'cpu') => median(theirs.map((s, i) => s[of] / ours[i]![of]));
      const wall = ratio('wall');
      const cpu = ratio('cpu');
      console.log(
        `    vs ${name.padEnd(37)} ${median(theirs.map((s) => s.wall)).toFixed(0)} / ${median(theirs.map((s) => s.cpu)).toFixed(0)}  reins is ${wall.toFixed(2)}× (wall) ${cpu.toFixed(2)}× (CPU) (goal ≥ 1.0×: ${wall >= 1 && cpu >= 1 ? 'met' : 'NOT met'})`,
      );
    }
  }
  await reins.close();
  await manager.disconnect();
  await likeForLike.disconnect();
}
