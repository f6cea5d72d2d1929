// @ts-check
/**
 * The layer rules of ARCHITECTURE.md, checked on both what a package declares (package.json) and
 * what its source actually imports (TypeScript's own pre-parser, so strings, comments and template
 * literals never count as imports).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const manifestFields = /** @type {const} */ ([
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
]);
const sourceFile = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
// Test files ship in no build (tsup's entry is src/index.ts), so they may use devDependencies.
const testFile = /\.test(?:-d)?\.(?:[cm]?ts|tsx|[cm]?js)$|[/\\]__fixtures__[/\\]/;

/**
 * Every module specifier a file imports: `import`, `export … from`, `import()`, `require()` and
 * `import type`, as TypeScript reads them.
 *
 * @example
 * importsOf("import { path } from '@reins/urls';") // ['@reins/urls']
 * @param {string} text
 * @returns {string[]}
 */
export function importsOf(text) {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/**
 * The package a bare specifier names: `@reins/templates/nunjucks` → `@reins/templates`.
 *
 * @example
 * packageOf('@reins/templates/nunjucks') // '@reins/templates'
 * @param {string} specifier
 */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules' || entry === 'dist') return [];
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : sourceFile.test(entry) ? [path] : [];
  });
}

/** @param {string} path */
function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** @param {string[]} names */
function quoteList(names) {
  return names.length ? names.map((d) => `'${d}'`).join(', ') : 'no reins package';
}

/**
 * Every broken layer rule in the workspace at `root`, each as one sentence that names the file,
 * quotes the value and says how to fix it. Empty when all is well.
 *
 * @example
 * const { problems, checked } = findLayerProblems('/work/main', allowedDependencies);
 * @param {string} root
 * @param {Record<string, string[]>} allowedDependencies
 */
export function findLayerProblems(root, allowedDependencies) {
  /** @type {string[]} */
  const problems = [];
  const toolingPackages = new Set(
    (existsSync(join(root, 'tooling')) ? readdirSync(join(root, 'tooling')) : []).map((folder) => {
      const path = join(root, 'tooling', folder, 'package.json');
      return existsSync(path) ? readJson(path).name : '';
    }),
  );
  let checked = 0;
  let files = 0;

  for (const group of ['packages', 'apps']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const folder of readdirSync(groupDir)) {
      const packageDir = join(groupDir, folder);
      const manifestPath = join(packageDir, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const manifest = readJson(manifestPath);
      const where = `${group}/${folder}`;
      checked++;
      const published = group === 'packages' && !manifest.private;
      /** @type {string[] | undefined} */
      const allowed = published ? allowedDependencies[manifest.name] : undefined;
      if (published && !allowed) {
        problems.push(
          `${manifest.name} (${where}) has no layer. Add it to tooling/scripts/layers.js and ARCHITECTURE.md.`,
        );
        continue;
      }
      if (published && manifest.name !== `@reins/${folder}` && manifest.name !== folder) {
        problems.push(
          `${where} is named '${manifest.name}'; a package folder must be its unscoped name.`,
        );
      }
      /** @param {string} dep */
      const layerAllows = (dep) => !allowed || toolingPackages.has(dep) || allowed.includes(dep);

      for (const field of manifestFields) {
        for (const dep of Object.keys(manifest[field] ?? {})) {
          if (dep.startsWith('@reins/') && !layerAllows(dep)) {
            problems.push(
              `${manifest.name} depends on '${dep}' (${field}), but its layer allows only ${quoteList(
                /** @type {string[]} */ (allowed),
              )}. Move the shared code down a layer or change the table in ARCHITECTURE.md first.`,
            );
          }
        }
      }

      const runtimeDeps = new Set(
        manifestFields
          .filter((field) => field !== 'devDependencies')
          .flatMap((field) => Object.keys(manifest[field] ?? {})),
      );
      const devDeps = new Set(Object.keys(manifest.devDependencies ?? {}));
      const srcDir = join(packageDir, 'src');
      const internalDir = join(srcDir, 'internal');
      const indexFiles = ['index.ts', 'index.js', 'index.mts'].map((f) => join(srcDir, f));

      for (const file of walk(srcDir)) {
        files++;
        const shown = relative(root, file).split(sep).join('/');
        const isTest = testFile.test(file);
        const inInternal = file.startsWith(internalDir + sep);
        for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
          if (specifier.startsWith('.')) {
            const target = resolve(dirname(file), specifier);
            if (target !== packageDir && !target.startsWith(packageDir + sep)) {
              problems.push(
                `${shown} imports '${specifier}', which leaves ${where}. Import the other package by its name (and declare it in package.json).`,
              );
            } else if (
              inInternal &&
              indexFiles.some(
                (index) =>
                  target.replace(/\.[cm]?[jt]s$/, '') === index.replace(/\.[cm]?[jt]s$/, '') ||
                  target === dirname(index),
              )
            ) {
              problems.push(
                `${shown} imports '${specifier}', the package's public index, from inside internal/. Import the file that defines the thing, so internal/ never depends on the public surface.`,
              );
            }
            continue;
          }
          if (!specifier.startsWith('@reins/')) continue;
          const dep = packageOf(specifier);
          if (dep === manifest.name) {
            if (inInternal) {
              problems.push(
                `${shown} imports '${specifier}', its own package by name, from inside internal/. Import the file that defines the thing.`,
              );
            }
            continue;
          }
          if (!layerAllows(dep)) {
            problems.push(
              `${shown} imports '${specifier}', but the layer of ${manifest.name} allows only ${quoteList(
                /** @type {string[]} */ (allowed),
              )}. Move the shared code down a layer or change the table in ARCHITECTURE.md first.`,
            );
            continue;
          }
          if (runtimeDeps.has(dep) || (isTest && devDeps.has(dep))) continue;
          problems.push(
            isTest
              ? `${shown} imports '${specifier}', which ${where}/package.json does not declare. Add '${dep}': 'workspace:*' to its devDependencies.`
              : devDeps.has(dep)
                ? `${shown} imports '${specifier}', which ${where}/package.json declares only in devDependencies; installed from npm it would be missing. Move '${dep}' to dependencies (or peerDependencies).`
                : `${shown} imports '${specifier}', which ${where}/package.json does not declare. Add '${dep}': 'workspace:^' to its dependencies.`,
          );
        }
      }
    }
  }
  return { problems, checked, files };
}
