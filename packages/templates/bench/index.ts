/**
 * Template benchmark: the shared page (a base layout with blocks, a child, a 100-row loop with a
 * filter, an if, escaped values) and a second page adding an include per row and more filters,
 * rendered in this process by reins, Nunjucks, LiquidJS and Eta. Outputs are compared (under the
 * shared whitespace normalisation) before anything is timed. Prints renders/s and ratios.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { Liquid } from 'liquidjs';
import nunjucks from 'nunjucks';
import { Engine } from '../src/index.js';
// @ts-expect-error -- plain ESM data module shared with the other engines' benchmarks
import { data, normalize } from './data/context.mjs';

const dir = (name: string): string => fileURLToPath(new URL(`data/${name}/`, import.meta.url));
const read = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`data/${path}`, import.meta.url)), 'utf8');
const context = data as Record<string, unknown>;
const norm = normalize as (html: string) => string;

interface Contender {
  name: string;
  cached: () => string;
  cold: () => string;
}

function reins(folder: string): Contender {
  const engine = new Engine({ dirs: [dir(folder)] });
  const template = engine.getTemplate('child.html');
  return {
    name: 'reins',
    cached: () => template.render(context),
    cold: () => new Engine({ dirs: [dir(folder)] }).getTemplate('child.html').render(context),
  };
}

function nunjucksEngine(folder: string): Contender {
  const make = (): nunjucks.Environment =>
    new nunjucks.Environment(new nunjucks.FileSystemLoader(dir(folder)), { autoescape: true });
  const env = make();
  return {
    name: 'Nunjucks',
    cached: () => env.render('child.njk', context),
    cold: () => make().render('child.njk', context),
  };
}

function liquidEngine(folder: string): Contender {
  const make = (cache: boolean): Liquid =>
    new Liquid({ root: dir(folder), extname: '.liquid', cache, outputEscape: 'escape' });
  const engine = make(true);
  return {
    name: 'LiquidJS',
    cached: () => engine.renderFileSync('child', context) as string,
    cold: () => make(false).renderFileSync('child', context) as string,
  };
}

function etaEngine(folder: string, partials: string[]): Contender {
  const make = (): Eta => {
    const eta = new Eta({ autoEscape: true, cache: true });
    for (const name of partials) eta.loadTemplate(`@${name}`, read(`${folder}/${name}.eta`));
    return eta;
  };
  const eta = make();
  return {
    name: 'Eta',
    cached: () => eta.render('@child', context),
    cold: () => make().render('@child', context),
  };
}

/** Milliseconds of CPU time this process has used (all threads, user + system). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

interface Rate {
  /** Renders per second of CPU time: what load from other processes does not dilute. */
  cpu: number;
  /** Renders per second of wall-clock time. */
  wall: number;
}

/** Renders per second of `fn` over one timed sample (at least `sampleMs` of CPU time). */
function sample(fn: () => string, sampleMs: number): Rate {
  let count = 0;
  const wallStart = performance.now();
  const cpuStart = cpuMs();
  let cpu = 0;
  while (cpu < sampleMs) {
    for (let i = 0; i < 10; i++) fn();
    count += 10;
    cpu = cpuMs() - cpuStart;
  }
  const wall = performance.now() - wallStart;
  return { cpu: (count / cpu) * 1000, wall: (count / wall) * 1000 };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Median renders per second of each function. Samples are interleaved (one sample of each
 * contender per round) so that load changes on a shared machine hit every contender alike.
 */
function measureAll(fns: (() => string)[], sampleMs: number, rounds: number): Rate[] {
  for (const fn of fns) for (let i = 0; i < 200; i++) fn();
  const rates: Rate[][] = fns.map(() => []);
  for (let round = 0; round < rounds; round++)
    fns.forEach((fn, i) => rates[i]!.push(sample(fn, sampleMs)));
  return rates.map((list) => ({
    cpu: median(list.map((r) => r.cpu)),
    wall: median(list.map((r) => r.wall)),
  }));
}

interface PageResult {
  title: string;
  names: string[];
  cached: Rate[];
  cold: Rate[];
}

const results: PageResult[] = [];

function run(title: string, contenders: Contender[]): void {
  const reference = norm(contenders[0]!.cached());
  for (const contender of contenders) {
    for (const [mode, fn] of [
      ['cached', contender.cached],
      ['cold', contender.cold],
    ] as const) {
      const output = norm(fn());
      if (output !== reference) {
        throw new Error(
          `${title}: ${contender.name} (${mode}) output differs from reins:\n${output}\n---\n${reference}`,
        );
      }
    }
  }
  console.log(
    `\n${title} — outputs identical after normalisation (${String(reference.length)} chars)`,
  );
  const cached = measureAll(
    contenders.map((c) => c.cached),
    200,
    11,
  );
  const cold = measureAll(
    contenders.map((c) => c.cold),
    200,
    7,
  );
  const ratio = (rates: Rate[], i: number, key: keyof Rate): string =>
    (rates[0]![key] / rates[i]![key]).toFixed(2);
  console.log(
    'engine      cached render/s   reins ×  (wall ×)   compile+render/s   reins ×  (wall ×)',
  );
  contenders.forEach((contender, i) => {
    console.log(
      `${contender.name.padEnd(10)} ${cached[i]!.cpu.toFixed(0).padStart(16)} ${ratio(cached, i, 'cpu').padStart(9)} ${`(${ratio(cached, i, 'wall')})`.padStart(9)} ` +
        `${cold[i]!.cpu.toFixed(0).padStart(18)} ${ratio(cold, i, 'cpu').padStart(9)} ${`(${ratio(cold, i, 'wall')})`.padStart(9)}`,
    );
  });
  results.push({ title, names: contenders.map((c) => c.name), cached, cold });
}

/** One line per goal of the issue (page 1, cached render), and the same ratios for page 2. */
function summary(): void {
  console.log('\nGoals (cached render, renders per CPU-second; wall-clock ratio in brackets):');
  const goals: [string, number][] = [
    ['Nunjucks', 3],
    ['Eta', 1],
  ];
  results.forEach((page, p) => {
    for (const [peer, target] of goals) {
      const i = page.names.indexOf(peer);
      if (i < 0) continue;
      const cpu = page.cached[0]!.cpu / page.cached[i]!.cpu;
      const wall = page.cached[0]!.wall / page.cached[i]!.wall;
      const verdict = cpu >= target ? 'met' : 'not met';
      console.log(
        `  page ${String(p + 1)}: reins ≥ ${target.toFixed(1)}× ${peer}: ${cpu.toFixed(2)}× (${wall.toFixed(2)}×) — ${p === 0 ? verdict : `${verdict} (page 1 is the goal)`}`,
      );
    }
  });
}

async function runAsync(): Promise<void> {
  const template = new Engine({ dirs: [dir('django')] }).getTemplate('child.html');
  if ((await template.renderAsync(context)) !== template.render(context))
    throw new Error('async output differs');
  // Interleaved like the engine comparison, timed in CPU time.
  const once = async (render: () => string | Promise<string>): Promise<number> => {
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
    `\nPage 1, reins render() vs renderAsync(): ${sync.toFixed(0)} vs ${async.toFixed(0)} renders/s (async at ${((async / sync) * 100).toFixed(0)}%)`,
  );
}

console.log(
  `Node ${process.version}, load average at the start: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
run('Page 1: base + child, 100-row loop, filter, if, escaping', [
  reins('django'),
  nunjucksEngine('nunjucks'),
  liquidEngine('liquid'),
  etaEngine('eta', ['base', 'child']),
]);
run('Page 2: page 1 + an include per row and more filters', [
  reins('django2'),
  nunjucksEngine('nunjucks2'),
  etaEngine('eta2', ['base', 'child', 'row']),
]);
await runAsync();
summary();
console.log(
  `\nload average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
