/**
 * `pnpm build && pnpm bench:types [routes]`: generate a typed urlconf of N routes (default 1,000) in 20
 * namespaced includes, with a typed view and a typed reverse() call per route, and time `tsc`
 * on it (the check time from --extendedDiagnostics), next to a baseline file of the same size
 * with no route types, so the cost of the inference shows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const n = Number(process.argv[2] ?? 1000);
const dir = fileURLToPath(new URL('./.generated/', import.meta.url));
mkdirSync(dir, { recursive: true });

const converters = ['int', 'str', 'slug', 'uuid'];
const jsType: Record<string, string> = {
  int: 'number',
  str: 'string',
  slug: 'string',
  uuid: 'string',
};
const sample: Record<string, string> = {
  int: '1',
  str: "'a'",
  slug: "'a-b'",
  uuid: "'6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f'",
};
const groups = 20;
const perGroup = Math.ceil(n / groups);

function file(typed: boolean): string {
  const lines: string[] = [
    typed
      ? "import { createResolver, include, path } from '../../dist/index.js';"
      : [
          '// Baseline: the same code shape with untyped stand-ins for path(), include() and createResolver().',
          'declare function path(route: string, target: unknown, options?: unknown): unknown;',
          'declare function include(arg: unknown): unknown;',
          'declare function createResolver(patterns: unknown[]): { reverse(name: string, options?: unknown): string };',
          'type Any = any; // eslint-disable-line',
        ].join('\n'),
    'interface Req { method: string }',
  ];
  const calls: string[] = [];
  for (let g = 0; g < groups; g++) {
    lines.push(`const group${g} = [`);
    for (let i = 0; i < perGroup && g * perGroup + i < n; i++) {
      const k = g * perGroup + i;
      const c1 = converters[k % 4]!;
      const c2 = converters[(k + 1) % 4]!;
      const route = `item${k}/<${c1}:a${k}>/sub/<${c2}:b${k}>/`;
      const params = `{ a${k}: ${jsType[c1]}; b${k}: ${jsType[c2]} }`;
      const view = typed
        ? `(request: Req, params: ${params}) => request.method + String(params.a${k})`
        : `(request: Req, params: Any) => request.method + String(params.a${k})`;
      lines.push(`  path('${route}', ${view}, { name: 'r${k}' }),`);
      calls.push(
        `resolver.reverse('g${g}:r${k}', { kwargs: { a${k}: ${sample[c1]}, b${k}: ${sample[c2]} } });`,
      );
    }
    lines.push('];');
  }
  lines.push('const resolver = createResolver([');
  for (let g = 0; g < groups; g++) {
    lines.push(`  path('g${g}/', include({ urlpatterns: group${g}, appName: 'g${g}' })),`);
  }
  lines.push(']);');
  lines.push(...calls);
  lines.push('export { resolver };');
  return lines.join('\n') + '\n';
}

const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

/** Run tsc and read its check time and instantiation count (wall time: a busy machine inflates it). */
function checkTime(): { check: number; instantiations: number; cpu: number } {
  const args = [tsc, '--noEmit', '--extendedDiagnostics', '-p', 'tsconfig.json', '--skipLibCheck'];
  // GNU time, where available, adds the CPU time (user) of the run: a busy machine inflates wall time.
  const timed = existsSync('/usr/bin/time');
  const run = timed
    ? spawnSync('/usr/bin/time', ['-f', 'CPU: %U', process.execPath, ...args], {
        cwd: dir,
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tsc failed:\n${run.stdout}${run.stderr}`);
  const get = (label: string): number =>
    Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(run.stdout)?.[1] ?? NaN);
  const cpu = Number(/CPU: ([\d.]+)/.exec(run.stderr)?.[1] ?? NaN);
  return { check: get('Check time'), instantiations: get('Instantiations'), cpu };
}

// The urlconf imports the built declarations (dist/, run `pnpm build` first), as an application
// would, so the library's own source is not re-checked; no declaration output is computed.
const config = (entry: string): string =>
  JSON.stringify({
    extends: '../../tsconfig.json',
    include: [entry],
    exclude: [],
    compilerOptions: { declaration: false, declarationMap: false, customConditions: [] },
  });

writeFileSync(`${dir}typed.ts`, file(true));
writeFileSync(`${dir}untyped.ts`, file(false));
writeFileSync(`${dir}tsconfig.json`, config('typed.ts'));
const typed = checkTime();
writeFileSync(`${dir}tsconfig.json`, config('untyped.ts'));
const untyped = checkTime();
console.log(
  `tsc on a ${n}-route typed urlconf (20 namespaced includes, a typed view and a typed reverse() per route):`,
);
const show = (r: { check: number; instantiations: number; cpu: number }): string =>
  `check ${r.check.toFixed(2)} s (wall), whole tsc run ${r.cpu.toFixed(2)} s CPU, ${r.instantiations} type instantiations`;
console.log(`  with @reins/urls types: ${show(typed)}`);
console.log(`  untyped baseline:       ${show(untyped)}`);
