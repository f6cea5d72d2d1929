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
 * Redis: alternating rounds (reins, then cache-manager, then the other order), each timing
 * `ITERATIONS` batches of `CONCURRENCY` operations in flight; the median of the rounds' ratios,
 * because a shared machine's load moves more between runs than the libraries differ.
 */
export async function redisBench(url: string): Promise<void> {
  const reins = new RedisCache({ location: url });
  const store = new KeyvRedis(url);
  const manager = createCache({ stores: [new Keyv({ store, namespace: '' })] });
  await reins.set('article', VALUE, 300);
  await manager.set('article', VALUE, 300_000);
  await reins.setMany(Object.fromEntries(KEYS.map((key) => [key, VALUE])), 300);
  for (const key of KEYS) await manager.set(key, VALUE, 300_000);
  const many =
    <T>(fn: () => Promise<T>) =>
    () =>
      Promise.all(Array.from({ length: CONCURRENCY }, fn));
  const groups: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    ['get', many(() => reins.get('article')), many(() => manager.get('article'))],
    [
      'set',
      many(() => reins.set('article', VALUE, 300)),
      many(() => manager.set('article', VALUE, 300_000)),
    ],
    ['getMany(10)', many(() => reins.getMany(KEYS)), many(() => manager.mget(KEYS))],
  ];
  const time = async (fn: () => Promise<unknown>) => {
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i += 1) await fn();
    return ((performance.now() - started) * 1000) / ITERATIONS;
  };
  console.log(
    `\nRedis (${CONCURRENCY} operations in flight per batch, ${ROUNDS} alternating rounds)`,
  );
  for (const [group, ours, theirs] of groups) {
    await time(ours);
    await time(theirs);
    const ratios: number[] = [];
    const oursTimes: number[] = [];
    const theirTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const first = round % 2 === 0;
      const a = first ? await time(ours) : 0;
      const b = await time(theirs);
      const c = first ? a : await time(ours);
      oursTimes.push(c);
      theirTimes.push(b);
      ratios.push(b / c);
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1]!;
    const ratio = median(ratios);
    console.log(
      `  ${group.padEnd(12)} reins ${median(oursTimes).toFixed(0).padStart(6)} µs/batch  cache-manager ${median(theirTimes).toFixed(0).padStart(6)} µs/batch  reins is ${ratio.toFixed(2)}× cache-manager [${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}] (goal ≥ 1.0×: ${ratio >= 1 ? 'met' : 'NOT met'})`,
    );
  }
  await reins.close();
  await manager.disconnect();
}
