/**
 * The engines measured, each rendering the same page from its own template files: `cached`
 * renders a template compiled once (on its first call), `cold` builds a new engine, reads and compiles the templates
 * and renders once (what `runserver`'s reload and a cold worker pay per template).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Eta } from 'eta';
import type { Liquid } from 'liquidjs';
import type nunjucks from 'nunjucks';
import type { Engine } from '../src/index.js';
// @ts-expect-error -- plain ESM data module shared with the other engines' benchmarks
import { data } from './data/context.mjs';

const dir = (name: string): string => fileURLToPath(new URL(`data/${name}/`, import.meta.url));
const read = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`data/${path}`, import.meta.url)), 'utf8');
const context = data as Record<string, unknown>;

interface Contender {
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

async function nunjucksEngine(folder: string): Promise<Contender> {
  const { default: nunjucks } = await import('nunjucks');
  const make = (): nunjucks.Environment =>
    new nunjucks.Environment(new nunjucks.FileSystemLoader(dir(folder)), { autoescape: true });
  let env: nunjucks.Environment | undefined;
  return {
    name: 'Nunjucks',
    cached: () => (env ??= make()).render('child.njk', context),
    cold: () => make().render('child.njk', context),
  };
}

async function liquidEngine(folder: string): Promise<Contender> {
  const { Liquid } = await import('liquidjs');
  const make = (cache: boolean): Liquid =>
    new Liquid({ root: dir(folder), extname: '.liquid', cache, outputEscape: 'escape' });
  let engine: Liquid | undefined;
  return {
    name: 'LiquidJS',
    cached: () => (engine ??= make(true)).renderFileSync('child', context) as string,
    cold: () => make(false).renderFileSync('child', context) as string,
  };
}

async function etaEngine(folder: string): Promise<Contender> {
  const { Eta } = await import('eta');
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

/**
 * The contenders of a page, reins first (`only` keeps one of them). Each engine's package is
 * imported only when it takes part: importing Nunjucks alone slows V8's string methods in the
 * whole process (see the README's benchmark section), so an own-process run must not.
 */
export async function contenders(
  EngineCtor: EngineClass,
  page: PageName,
  only?: string,
): Promise<Contender[]> {
  const folders: Record<string, string> = PAGES[page];
  const make: Record<string, (folder: string) => Promise<Contender>> = {
    reins: (folder) => Promise.resolve(reins(EngineCtor, folder)),
    Nunjucks: nunjucksEngine,
    LiquidJS: liquidEngine,
    Eta: etaEngine,
  };
  return Promise.all(
    Object.entries(folders)
      .filter(([name]) => only === undefined || name === only)
      .map(([name, folder]) => make[name]!(folder)),
  );
}

export { context };
