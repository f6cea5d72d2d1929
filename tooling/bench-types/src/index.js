// @ts-check
/**
 * `pnpm bench:types`: what reins' route types cost a project. Generates a 1,000-route project
 * (50 included apps) and a 10,000-route one (500 apps), each with one typed `reverse()` or
 * `redirect()` call per route through `@reins/shortcuts` and a registered urlconf, and prints:
 * tsc time typed and untyped (the same files with untyped stand-ins; medians of several runs),
 * the difference, the instantiation count, and tsserver's completion latency inside `reverse('`.
 * Reads the packages' built declarations, as an application does: run `pnpm build` first.
 *
 * Options: `--runs N` (tsc runs per figure, default 5), `--sizes 1000,10000`,
 * `--style shortcuts|resolver` (calls through `reverse()`/`redirect()`, or `urlconf.reverse()`).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateProject } from './generate-project.js';
import { timeTsc } from './time-tsc.js';
import { completionLatency } from './tsserver-completion.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1000,10000' },
    style: { type: 'string', default: 'shortcuts' },
    completions: { type: 'string', default: '9' },
  },
});
const runs = Number(values.runs);
const style = values.style === 'resolver' ? 'resolver' : 'shortcuts';
const sizes = values.sizes.split(',').map(Number);

const require = createRequire(import.meta.url);
// Written out (not built from the name) so that tools listing what is used can see them.
const packageJsons = {
  '@reins/urls': require.resolve('@reins/urls/package.json'),
  '@reins/shortcuts': require.resolve('@reins/shortcuts/package.json'),
  '@reins/http': require.resolve('@reins/http/package.json'),
};
for (const [pkg, packageJson] of Object.entries(packageJsons)) {
  const types = join(dirname(packageJson), 'dist/index.d.ts');
  if (!existsSync(types)) {
    console.error(`${pkg} has no built declarations (${types}). Run \`pnpm build\` first.`);
    process.exit(1);
  }
}

const root = fileURLToPath(new URL('../.generated/', import.meta.url));
const typescriptVersion = /** @type {{ version: string }} */ (require('typescript/package.json'))
  .version;
const s = (/** @type {number} */ seconds) => `${seconds.toFixed(2)} s`;

console.log(
  `bench:types — TypeScript ${typescriptVersion}, ${style === 'shortcuts' ? 'reverse()/redirect() of @reins/shortcuts through a registered urlconf' : 'urlconf.reverse()'}; tsc medians of ${runs} runs (CPU = user + sys of the whole tsc process)`,
);
for (const routes of sizes) {
  const apps = Math.max(1, Math.round(routes / 20));
  const typedDir = join(root, `${routes}-typed`);
  const untypedDir = join(root, `${routes}-untyped`);
  const { callsFile } = generateProject({ dir: typedDir, routes, apps, variant: 'typed', style });
  generateProject({ dir: untypedDir, routes, apps, variant: 'untyped', style });
  const call = style === 'shortcuts' ? 'reverse(' : 'urlconf.reverse(';
  const completion = await completionLatency(callsFile, call, Number(values.completions));
  console.log(`\n${routes} routes in ${apps} included apps, ${routes} typed calls:`);
  // --runs 0 measures the editor only.
  if (runs > 0) {
    const typed = timeTsc(typedDir, runs);
    const untyped = timeTsc(untypedDir, runs);
    console.log(
      `  tsc typed   ${s(typed.cpu)} CPU, ${s(typed.wall)} wall (check ${s(typed.check)}), ${typed.instantiations} instantiations`,
    );
    console.log(
      `  tsc untyped ${s(untyped.cpu)} CPU, ${s(untyped.wall)} wall (check ${s(untyped.check)}), ${untyped.instantiations} instantiations`,
    );
    console.log(
      `  types add   ${s(typed.cpu - untyped.cpu)} CPU, ${s(typed.wall - untyped.wall)} wall; no errors (none "excessively deep")`,
    );
  }
  console.log(
    `  completion in ${call}': first ${completion.first.toFixed(0)} ms wall / ${completion.firstCpu.toFixed(0)} ms CPU (loads the project), after an edit ${completion.warm.toFixed(0)} ms wall / ${completion.warmCpu.toFixed(0)} ms CPU (medians); ${completion.entries} names offered (${completion.sample.join(', ')}, …)`,
  );
}
