/**
 * Each engine in a process of its own: no other engine's code warms or pollutes the JIT, the
 * inline caches or the heap it runs with. Every round starts one process per engine (engines
 * interleaved, so load on a shared machine hits them alike); each process reports the first
 * compile + render after start-up (a cold worker's first page), then the median cold
 * compile + render and cached render per CPU-second.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { contenders, PAGES, type PageName } from './contenders.js';
import { cpuMs, measureAll, median, medianRate, type Rate } from './measure.js';
import { loadEngine } from './reins-build.js';

/** What one process measured. */
interface ProcessResult {
  /** CPU microseconds of the first compile + render in the process. */
  first: number;
  cold: Rate;
  cached: Rate;
}

/** The worker: measure one engine on one page and print the result as JSON. */
export async function ownProcessWorker(
  bundle: string,
  page: PageName,
  name: string,
): Promise<void> {
  const Engine = await loadEngine(bundle);
  const [contender] = await contenders(Engine, page, name);
  const start = cpuMs();
  contender!.cold();
  const first = (cpuMs() - start) * 1000;
  const [cold] = measureAll([contender!.cold], 200, 7);
  const [cached] = measureAll([contender!.cached], 200, 5);
  const result: ProcessResult = { first, cold: cold!, cached: cached! };
  console.log(JSON.stringify(result));
}

function runWorker(bundle: string, page: PageName, name: string): ProcessResult {
  const script = fileURLToPath(new URL('index.ts', import.meta.url));
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, script, '--own-process', bundle, page, name],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`${name} worker failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ProcessResult;
}

/** Per engine of a page: the median over rounds of each process's figures. */
export function ownProcessRun(
  bundle: string,
  page: PageName,
  rounds: number,
): { names: string[]; first: number[]; cold: Rate[]; cached: Rate[] } {
  const names = Object.keys(PAGES[page]);
  const results: ProcessResult[][] = names.map(() => []);
  for (let round = 0; round < rounds; round++)
    names.forEach((name, i) => results[i]!.push(runWorker(bundle, page, name)));
  return {
    names,
    first: results.map((list) => median(list.map((r) => r.first))),
    cold: results.map((list) => medianRate(list.map((r) => r.cold))),
    cached: results.map((list) => medianRate(list.map((r) => r.cached))),
  };
}
