/**
 * Template benchmark: the shared page (a base layout with blocks, a child, a 100-row loop with a
 * filter, an if, escaped values) and a second page adding an include per row and more filters,
 * rendered in this process by reins, Nunjucks, LiquidJS and Eta. Outputs are compared (under the
 * shared whitespace normalisation) before anything is timed. Prints renders/s and ratios.
 */
import { readFileSync } from 'node:fs';
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

/** Renders per second of `fn` over one timed sample. */
function sample(fn: () => string, sampleMs: number): number {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < sampleMs) {
    for (let i = 0; i < 10; i++) fn();
    count += 10;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

const median = (values: number[]): number =>
  values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Median renders per second of each function. Samples are interleaved (one sample of each
 * contender per round) so that load changes on a shared machine hit every contender alike.
 */
function measureAll(fns: (() => string)[], sampleMs: number, rounds: number): number[] {
  for (const fn of fns) for (let i = 0; i < 100; i++) fn();
  const rates: number[][] = fns.map(() => []);
  for (let round = 0; round < rounds; round++)
    fns.forEach((fn, i) => rates[i]!.push(sample(fn, sampleMs)));
  return rates.map(median);
}

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
  console.log('engine      cached render/s   reins ×   compile+render/s   reins ×');
  contenders.forEach((contender, i) => {
    console.log(
      `${contender.name.padEnd(10)} ${cached[i]!.toFixed(0).padStart(16)} ${(cached[0]! / cached[i]!).toFixed(2).padStart(9)} ` +
        `${cold[i]!.toFixed(0).padStart(18)} ${(cold[0]! / cold[i]!).toFixed(2).padStart(9)}`,
    );
  });
}

async function runAsync(): Promise<void> {
  const template = new Engine({ dirs: [dir('django')] }).getTemplate('child.html');
  if ((await template.renderAsync(context)) !== template.render(context))
    throw new Error('async output differs');
  const rate = async (render: () => string | Promise<string>): Promise<number> => {
    for (let i = 0; i < 100; i++) await render();
    const rates: number[] = [];
    for (let round = 0; round < 7; round++) {
      let count = 0;
      const start = performance.now();
      while (performance.now() - start < 200) {
        for (let i = 0; i < 10; i++) await render();
        count += 10;
      }
      rates.push((count / (performance.now() - start)) * 1000);
    }
    return median(rates);
  };
  const sync = await rate(() => template.render(context));
  const async = await rate(() => template.renderAsync(context));
  console.log(
    `\nPage 1, reins render() vs renderAsync(): ${sync.toFixed(0)} vs ${async.toFixed(0)} renders/s (async at ${((async / sync) * 100).toFixed(0)}%)`,
  );
}

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
