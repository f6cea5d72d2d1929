/**
 * Template benchmark: the shared page (a base layout with blocks, a child, a 100-row loop with a
 * filter, an if, escaped values) and a second page adding an include per row and more filters,
 * rendered by reins, Nunjucks, LiquidJS and Eta. Outputs are compared (under the shared
 * whitespace normalisation) before anything is timed. Each page is measured twice: all engines
 * interleaved in this process, and each engine in a process of its own (`own-process.ts`).
 * reins is measured as a caller installs it: bundled like `dist/` (`reins-build.ts`).
 * Prints renders/s and ratios (how many times faster reins is) and the issue's goals.
 */
import { loadavg } from 'node:os';
import { contenders, context, PAGES, type PageName } from './contenders.js';
// @ts-expect-error -- plain ESM data module shared with the other engines' benchmarks
import { normalize } from './data/context.mjs';
import { cpuMs, measureAll, median, type Rate } from './measure.js';
import { ownProcessRun, ownProcessWorker } from './own-process.js';
import { buildReins, loadEngine } from './reins-build.js';

const norm = normalize as (html: string) => string;

interface PageResult {
  title: string;
  names: string[];
  cached: Rate[];
  cold: Rate[];
  ownCached: Rate[];
  ownCold: Rate[];
}

const TITLES: Record<PageName, string> = {
  page1: 'Page 1: base + child, 100-row loop, filter, if, escaping',
  page2: 'Page 2: page 1 + an include per row and more filters',
};

const fixed = (value: number, digits = 2): string => value.toFixed(digits);
/** How many times faster reins (index 0) is than contender `i`. */
const ratio = (rates: Rate[], i: number, key: keyof Rate): number =>
  rates[0]![key] / rates[i]![key];

async function runPage(bundle: string, page: PageName, rounds: number): Promise<PageResult> {
  const Engine = await loadEngine(bundle);
  const list = await contenders(Engine, page);
  const reference = norm(list[0]!.cached());
  for (const contender of list) {
    for (const [mode, fn] of [
      ['cached', contender.cached],
      ['cold', contender.cold],
    ] as const) {
      const output = norm(fn());
      if (output !== reference) {
        throw new Error(
          `${TITLES[page]}: ${contender.name} (${mode}) output differs from reins:\n${output}\n---\n${reference}`,
        );
      }
    }
  }
  console.log(
    `\n${TITLES[page]} — outputs identical after normalisation (${String(reference.length)} chars)`,
  );
  const fns = (key: 'cached' | 'cold'): (() => string)[] => list.map((c) => c[key]);
  const cached = measureAll(fns('cached'), 200, 11);
  const cold = measureAll(fns('cold'), 200, 7);
  const own = ownProcessRun(bundle, page, rounds);
  const names = list.map((c) => c.name);
  console.log(
    'engine      cached render/s  reins × (wall ×)  compile+render µs  reins × (wall ×)   ' +
      'own process: cached reins ×  compile+render µs  reins ×  first µs',
  );
  names.forEach((name, i) => {
    const j = own.names.indexOf(name);
    console.log(
      `${name.padEnd(10)} ${fixed(cached[i]!.cpu, 0).padStart(16)} ${fixed(ratio(cached, i, 'cpu')).padStart(8)} ${`(${fixed(ratio(cached, i, 'wall'))})`.padStart(8)} ` +
        `${fixed(1e6 / cold[i]!.cpu, 0).padStart(18)} ${fixed(ratio(cold, i, 'cpu')).padStart(8)} ${`(${fixed(ratio(cold, i, 'wall'))})`.padStart(8)}   ` +
        `${fixed(ratio(own.cached, j, 'cpu')).padStart(26)} ${fixed(1e6 / own.cold[j]!.cpu, 0).padStart(18)} ${fixed(ratio(own.cold, j, 'cpu')).padStart(8)} ${fixed(own.first[j]!, 0).padStart(9)}`,
    );
  });
  return {
    title: TITLES[page],
    names,
    cached,
    cold,
    ownCached: names.map((name) => own.cached[own.names.indexOf(name)]!),
    ownCold: names.map((name) => own.cold[own.names.indexOf(name)]!),
  };
}

async function runAsync(bundle: string): Promise<void> {
  const Engine = await loadEngine(bundle);
  const template = new Engine({
    dirs: [new URL('data/django/', import.meta.url).pathname],
  }).getTemplate('child.html');
  if ((await template.renderAsync(context)) !== template.render(context))
    throw new Error('async output differs');
  // Interleaved like the engine comparison (one sample of each per round), timed in CPU time.
  const once = async (render: () => unknown): Promise<number> => {
    let count = 0;
    const start = cpuMs();
    while (cpuMs() - start < 200) {
      for (let i = 0; i < 10; i++) await render();
      count += 10;
    }
    return (count / (cpuMs() - start)) * 1000;
  };
  const syncRender = (): string => template.render(context);
  const asyncRender = (): Promise<string> => template.renderAsync(context);
  for (let i = 0; i < 200; i++) {
    syncRender();
    await asyncRender();
  }
  const syncRates: number[] = [];
  const asyncRates: number[] = [];
  for (let round = 0; round < 7; round++) {
    syncRates.push(await once(syncRender));
    asyncRates.push(await once(asyncRender));
  }
  const sync = median(syncRates);
  const async = median(asyncRates);
  console.log(
    `\nPage 1, reins render() vs renderAsync(): ${fixed(sync, 0)} vs ${fixed(async, 0)} renders/s (async at ${fixed((async / sync) * 100, 0)}%)`,
  );
}

/** One line per goal of issue 21 (page 1), and the same ratios for page 2. */
function summary(results: PageResult[]): void {
  console.log(
    '\nGoals (renders per CPU-second; interleaved in one process / each engine in its own process):',
  );
  const goals: [string, 'cached' | 'cold', string, number][] = [
    ['cached render', 'cached', 'Nunjucks', 3],
    ['cached render', 'cached', 'Eta', 1.5],
    ['compile + first render', 'cold', 'Eta', 1.2],
  ];
  results.forEach((page, p) => {
    for (const [label, key, peer, target] of goals) {
      const i = page.names.indexOf(peer);
      if (i < 0) continue;
      const one = ratio(key === 'cached' ? page.cached : page.cold, i, 'cpu');
      const own = ratio(key === 'cached' ? page.ownCached : page.ownCold, i, 'cpu');
      const verdict = Math.min(one, own) >= target ? 'met' : 'not met';
      console.log(
        `  page ${String(p + 1)}: ${label} ≥ ${fixed(target, 1)}× ${peer}: ${fixed(one)}× / ${fixed(own)}× — ${p === 0 ? verdict : `${verdict} (page 1 is the goal)`}`,
      );
    }
  });
}

if (process.argv[2] === '--own-process') {
  await ownProcessWorker(process.argv[3]!, process.argv[4] as PageName, process.argv[5]!);
} else {
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
  console.log(
    `Node ${process.version}, load average at the start: ${loadavg()
      .map((l) => fixed(l, 1))
      .join(' ')}`,
  );
  const bundle = await buildReins();
  const pages = (process.env['BENCH_PAGES']?.split(',') ?? Object.keys(PAGES)) as PageName[];
  const results: PageResult[] = [];
  for (const page of pages) results.push(await runPage(bundle, page, rounds));
  if (pages.includes('page1')) await runAsync(bundle);
  summary(results);
  console.log(
    `\nload average at the end: ${loadavg()
      .map((l) => fixed(l, 1))
      .join(' ')}`,
  );
}
