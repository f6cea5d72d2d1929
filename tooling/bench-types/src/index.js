// @ts-check
/**
 * `pnpm bench:types`: what reins' route types cost a project. Generates a 1,000-route project
 * (50 included apps) and a 10,000-route one (500 apps), each with one typed `reverse()` or
 * `redirect()` call per route through `@reins/shortcuts`, in three variants: `generated` (the
 * names registered by the file `reins typegen` writes: the typed mode a project should use),
 * `inferred` (`Register { urlconf: typeof urlconf }`, no generated file) and `untyped` (the same
 * files with untyped stand-ins). It prints tsc time for each (medians of interleaved runs), what
 * the types add over untyped, the instantiation count, and tsserver's completion latency inside
 * `reverse('`. Reads the packages' built declarations, as an application does: run `pnpm build`
 * first.
 *
 * Options: `--runs N` (tsc runs per figure, default 5), `--sizes 1000,10000`,
 * `--style shortcuts|resolver` (calls through `reverse()`/`redirect()`, or `urlconf.reverse()`),
 * `--instructions` (also count the instructions tsc executes on each variant, with valgrind: the
 * figure that stays put on a loaded machine, see count-instructions.js).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { canCountInstructions, countInstructions } from './count-instructions.js';
import { generateProject } from './generate-project.js';
import { timeTscInterleaved } from './time-tsc.js';
import { runTypegen } from './typegen.js';
import { completionLatency } from './tsserver-completion.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1000,10000' },
    style: { type: 'string', default: 'shortcuts' },
    completions: { type: 'string', default: '9' },
    instructions: { type: 'boolean', default: false },
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
const ms = (/** @type {number} */ value) => `${value.toFixed(0)} ms`;

console.log(
  `bench:types — TypeScript ${typescriptVersion}, ${style === 'shortcuts' ? 'reverse()/redirect() of @reins/shortcuts' : 'urlconf.reverse()'}; tsc medians of ${runs} interleaved runs (CPU = user + sys of the whole tsc process)`,
);
for (const routes of sizes) {
  const apps = Math.max(1, Math.round(routes / 20));
  /** @type {Array<{ label: string; dir: string; callsFile: string }>} */
  const variants = [];
  // urlconf.reverse() is typed by the resolver itself: the generated file does not apply.
  const kinds = /** @type {const} */ (
    style === 'shortcuts' ? ['generated', 'typed', 'untyped'] : ['typed', 'untyped']
  );
  let typegenSeconds = NaN;
  for (const variant of kinds) {
    const dir = join(root, `${routes}-${variant}`);
    const { callsFile } = generateProject({ dir, routes, apps, variant, style });
    if (variant === 'generated') typegenSeconds = runTypegen(dir);
    const label = { generated: 'generated', typed: 'inferred', untyped: 'untyped' }[variant];
    variants.push({ label, dir, callsFile });
  }
  const call = style === 'shortcuts' ? 'reverse(' : 'urlconf.reverse(';
  console.log(`\n${routes} routes in ${apps} included apps, ${routes} typed calls:`);
  if (!Number.isNaN(typegenSeconds)) {
    console.log(`  reins typegen wrote src/reins-urls.gen.d.ts in ${s(typegenSeconds)} wall`);
  }
  // --runs 0 measures the editor only.
  if (runs > 0) {
    const timed = timeTscInterleaved(
      variants.map((v) => v.dir),
      runs,
    );
    const untyped = /** @type {import('./time-tsc.js').TscRun} */ (timed.at(-1));
    variants.forEach(({ label }, index) => {
      const run = /** @type {import('./time-tsc.js').TscRun} */ (timed[index]);
      const added =
        label === 'untyped'
          ? ''
          : `; types add ${s(run.cpu - untyped.cpu)} CPU, ${s(run.wall - untyped.wall)} wall`;
      console.log(
        `  tsc ${label.padEnd(9)} ${s(run.cpu)} CPU, ${s(run.wall)} wall (check ${s(run.check)}), ${run.instantiations} instantiations${added}`,
      );
    });
    console.log('  no errors in any variant (none "excessively deep")');
  }
  if (values.instructions && !canCountInstructions) {
    console.log('  instructions: valgrind is not installed, not counted');
  } else if (values.instructions) {
    const counts = variants.map(({ dir }) => countInstructions(dir));
    const untyped = /** @type {number} */ (counts.at(-1));
    const g = (/** @type {number} */ value) => `${(value / 1e9).toFixed(2)} G`;
    variants.forEach(({ label }, index) => {
      const count = /** @type {number} */ (counts[index]);
      const added = label === 'untyped' ? '' : `; types add ${g(count - untyped)}`;
      console.log(`  instructions ${label.padEnd(9)} ${g(count)} (valgrind)${added}`);
    });
  }
  for (const { label, callsFile } of variants) {
    if (label === 'untyped') continue;
    const completion = await completionLatency(callsFile, call, Number(values.completions));
    console.log(
      `  completion in ${call}' (${label}): first ${ms(completion.first)} wall / ${ms(completion.firstCpu)} CPU (loads the project), after an edit ${ms(completion.warm)} wall / ${ms(completion.warmCpu)} CPU (medians); ${completion.entries} names offered (${completion.sample.join(', ')}, …)`,
    );
  }
}
