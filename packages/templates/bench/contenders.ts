/**
 * The engines measured, each rendering the same page from its own template files: `cached`
 * renders a template compiled once (on its first call), `cold` builds a new engine, reads and compiles the templates
 * and renders once (what `runserver`'s reload and a cold worker pay per template).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { Liquid } from 'liquidjs';
import nunjucks from 'nunjucks';
import type { Engine } from '../src/index.js';
// @ts-expect-error -- plain ESM data module shared with the other engines' benchmarks
import { data } from './data/context.mjs';

const dir = (name: string): string => fileURLToPath(new URL(`data/${name}/`, import.meta.url));
const read = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`data/${path}`, import.meta.url)), 'utf8');
const context = data as Record<string, unknown>;

export interface Contender {
  name: string;
  cached: () => string;
  cold: () => string;
}

/** The pages: their data folder per engine (a missing engine does not take part). */
export const PAGES = {
  page1: { reins: 'django', Nunjucks: 'nunjucks', LiquidJS: 'liquid', Eta: 'eta' },
  page2: { reins: 'django2', Nunjucks: 'nunjucks2', Eta: 'eta2' },
} as const;

export type PageName = keyof typeof PAGES;

/** The reins `Engine` class measured: the bundle a caller installs (see `reins-build.ts`). */
export type EngineClass = typeof Engine;

function reins(EngineCtor: EngineClass, folder: string): Contender {
  let template: ReturnType<Engine['getTemplate']> | undefined;
  return {
    name: 'reins',
    cached: () =>
      (template ??= new EngineCtor({ dirs: [dir(folder)] }).getTemplate('child.html')).render(
        context,
      ),
    cold: () => new EngineCtor({ dirs: [dir(folder)] }).getTemplate('child.html').render(context),
  };
}

function nunjucksEngine(folder: string): Contender {
  const make = (): nunjucks.Environment =>
    new nunjucks.Environment(new nunjucks.FileSystemLoader(dir(folder)), { autoescape: true });
  let env: nunjucks.Environment | undefined;
  return {
    name: 'Nunjucks',
    cached: () => (env ??= make()).render('child.njk', context),
    cold: () => make().render('child.njk', context),
  };
}

function liquidEngine(folder: string): Contender {
  const make = (cache: boolean): Liquid =>
    new Liquid({ root: dir(folder), extname: '.liquid', cache, outputEscape: 'escape' });
  let engine: Liquid | undefined;
  return {
    name: 'LiquidJS',
    cached: () => (engine ??= make(true)).renderFileSync('child', context) as string,
    cold: () => make(false).renderFileSync('child', context) as string,
  };
}

function etaEngine(folder: string): Contender {
  const partials = folder === 'eta2' ? ['base', 'child', 'row'] : ['base', 'child'];
  const make = (): Eta => {
    const eta = new Eta({ autoEscape: true, cache: true });
    for (const name of partials) eta.loadTemplate(`@${name}`, read(`${folder}/${name}.eta`));
    return eta;
  };
  let eta: Eta | undefined;
  return {
    name: 'Eta',
    cached: () => (eta ??= make()).render('@child', context),
    cold: () => make().render('@child', context),
  };
}

/** The contenders of a page, reins first (`only` keeps one of them). */
export function contenders(EngineCtor: EngineClass, page: PageName, only?: string): Contender[] {
  const folders: Record<string, string> = PAGES[page];
  const make: Record<string, (folder: string) => Contender> = {
    reins: (folder) => reins(EngineCtor, folder),
    Nunjucks: nunjucksEngine,
    LiquidJS: liquidEngine,
    Eta: etaEngine,
  };
  return Object.entries(folders)
    .filter(([name]) => only === undefined || name === only)
    .map(([name, folder]) => make[name]!(folder));
}

export { context };
