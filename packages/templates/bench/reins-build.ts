/**
 * Builds reins for the benchmark the way a caller gets it: one esbuild bundle of the sources,
 * as `tsup` builds `dist/` (no `keepNames`). Running the sources through tsx instead adds a
 * `__name()` call to every closure created at run time, which a cold compile pays and no user does.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'tsup';
import type { EngineClass } from './contenders.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}node_modules/.cache/reins-bench`;

/** Bundle `src/index.ts` (with `@reins/core`) and return the bundle's path. */
export async function buildReins(): Promise<string> {
  await build({
    config: false,
    entry: { index: `${root}src/index.ts` },
    format: ['esm'],
    outDir,
    target: 'node20',
    platform: 'node',
    noExternal: [/^@reins\//],
    external: ['nunjucks'],
    esbuildOptions(options) {
      options.conditions = ['@reins/source'];
    },
    silent: true,
    dts: false,
    sourcemap: false,
    splitting: false,
  });
  return `${outDir}/index.js`;
}

/** The `Engine` class of a bundle built by {@link buildReins}. */
export async function loadEngine(path: string): Promise<EngineClass> {
  const module = (await import(pathToFileURL(path).href)) as { Engine: EngineClass };
  return module.Engine;
}
