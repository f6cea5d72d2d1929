#!/usr/bin/env node
// @ts-check
/**
 * Type-checks every ```ts/```typescript block of every README.md (root, packages/*, apps/*) and
 * every Markdown file under docs/, each block as its own module resolved the way its package
 * resolves (`packages/<pkg>/.readme-check/`, gitignored, with a tsconfig extending the
 * package's); ```ts run blocks are also executed with tsx. Root and docs blocks, and a package
 * README's blocks that import a reins package it does not declare (the middleware README shows
 * `createApp`), resolve from the demo app or else the first package declaring them all. A relative
 * import (`./urls.js`) stands for the reader's own file: it is typed `any`, not an error. Errors
 * point at the README line. Opt a block out with ```ts nocheck: <reason>.
 *
 * @example
 * node tooling/scripts/check-readme-code.js
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importsOf, packageOf } from './lib/layer-problems.js';
import { codeBlocks } from './lib/readme-blocks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const tsx = pathToFileURL(require.resolve('tsx')).href;
const workDir = '.readme-check';
// Root README and docs/ resolve through the demo app: it declares every reins package.
const rootResolver = 'apps/greetings';

/** @param {string} dir @returns {string[]} */
function markdownUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? markdownUnder(path) : entry.endsWith('.md') ? [path] : [];
  });
}

const readmes = [
  ...['README.md'].map((file) => ({ file, resolver: rootResolver })),
  ...['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group))
      .filter((folder) => existsSync(join(root, group, folder, 'README.md')))
      .map((folder) => ({ file: `${group}/${folder}/README.md`, resolver: `${group}/${folder}` })),
  ),
  ...markdownUnder(join(root, 'docs')).map((path) => ({
    file: relative(root, path).split(sep).join('/'),
    resolver: rootResolver,
  })),
];

// A block that imports a reins package its own package does not declare (the middleware README
// shows `createApp`) is checked from the first workspace package that reaches all its imports.
const resolvers = [
  rootResolver,
  'packages/server',
  ...readdirSync(join(root, 'packages')).map((folder) => `packages/${folder}`),
].filter((dir) => existsSync(join(root, dir, 'tsconfig.json')));

/** @param {string} dir the reins packages `dir` declares, and itself */
function reachableFrom(dir) {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  return new Set([
    manifest.name,
    ...['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap(
      (field) => Object.keys(manifest[field] ?? {}),
    ),
  ]);
}

/** @type {Map<string, Map<string, { readme: string, line: number }>>} */
const byResolver = new Map();
/** @type {{ path: string, cwd: string, readme: string, line: number }[]} */
const runs = [];
const problems = /** @type {string[]} */ ([]);
let checked = 0;
let skipped = 0;

for (const dir of new Set(readmes.map((r) => r.resolver)))
  rmSync(join(root, dir, workDir), { recursive: true, force: true });

for (const { file, resolver } of readmes) {
  let blocks;
  try {
    blocks = codeBlocks(readFileSync(join(root, file), 'utf8'), file);
  } catch (error) {
    problems.push(/** @type {Error} */ (error).message);
    continue;
  }
  const stem = file.replaceAll('/', '_').replace(/\.md$/, '');
  blocks.forEach((block, index) => {
    if (block.mode === 'nocheck') {
      skipped++;
      return;
    }
    checked++;
    const wanted = importsOf(block.code)
      .filter((specifier) => specifier.startsWith('@reins/'))
      .map(packageOf);
    const blockResolver =
      [resolver, ...resolvers].find((dir) =>
        wanted.every((name) => reachableFrom(dir).has(name)),
      ) ?? resolver;
    const outDir = join(root, blockResolver, workDir);
    mkdirSync(outDir, { recursive: true });
    const name = `${stem}-${index + 1}.ts`;
    writeFileSync(join(outDir, name), block.code);
    if (!byResolver.has(blockResolver)) byResolver.set(blockResolver, new Map());
    byResolver.get(blockResolver)?.set(name, { readme: file, line: block.line });
    if (block.mode === 'run')
      runs.push({
        path: join(outDir, name),
        cwd: join(root, blockResolver),
        readme: file,
        line: block.line,
      });
  });
}

for (const [resolver, files] of byResolver) {
  const dir = join(root, resolver, workDir);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      { extends: '../tsconfig.json', include: ['*.ts'], compilerOptions: { noEmit: true } },
      null,
      2,
    ),
  );
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'],
    {
      cwd: join(root, resolver),
      encoding: 'utf8',
    },
  );
  const output = `${result.stdout}${result.stderr}`;
  // tsc reports `.readme-check/<file>.ts(line,col): error …`; point at the README line instead.
  for (const match of output.matchAll(
    /^(?:.*[/\\])?([^/\\(]+\.ts)\((\d+),(\d+)\): (error .*)$/gm,
  )) {
    const origin = files.get(match[1]);
    if (/^error TS2307: Cannot find module '\.\.?\//.test(match[4])) continue;
    if (!origin) {
      problems.push(`${resolver}: ${match[0]}`);
      continue;
    }
    problems.push(`${origin.readme}:${origin.line + Number(match[2]) - 1}:${match[3]} ${match[4]}`);
  }
  if (result.status !== 0 && !/error TS/.test(output))
    problems.push(`${resolver}: tsc failed\n${output}`);
}

for (const run of runs) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=@reins/source', '--import', tsx, run.path],
    {
      cwd: run.cwd,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  if (result.status !== 0) {
    problems.push(
      `${run.readme}:${run.line}: the \`\`\`ts run block exited with ${result.status ?? result.signal}:\n${result.stderr.trim()}`,
    );
  }
}

if (problems.length) {
  console.error(`check-readme-code: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `check-readme-code: ${checked} TypeScript blocks in ${readmes.length} Markdown files type-check (${runs.length} run with tsx; ${skipped} opted out with a reason).`,
);
