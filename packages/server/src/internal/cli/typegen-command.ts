/**
 * `reins typegen [--check] [--out file] [--urlconf module]`: writes (or, with `--check`, compares)
 * the declaration file of typegen.ts for the app's urlconf (`app.resolver`), or for the urlconf a
 * module exports (`urlconf`, `urlpatterns` or its default export: a resolver or a list of
 * patterns). The file goes beside that module unless `--out` says where.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CAC } from 'cac';
import type { CommandIo } from './commands.js';
import { processIo } from './commands.js';
import { AppLoadError } from './app-load-error.js';
import { importApp, locateApp } from './load-app.js';
import type { AppLocation } from './load-app.js';
import { TYPEGEN_FILE, generateUrlTypes } from './typegen.js';
import type { UrlconfNode } from './typegen.js';
import { isTypeScript, registerTypeScript } from './typescript-loader.js';

/** Options of the `typegen` command. */
interface TypegenOptions {
  app?: string;
  /** A module exporting the urlconf, instead of the app. */
  urlconf?: string;
  /** Where to write; default `reins-urls.gen.d.ts` beside the app or urlconf module. */
  out?: string;
  /** Compare instead of writing: exit 1 when the file is missing or out of date. */
  check?: boolean;
}

type ResolverNode = Extract<UrlconfNode, { kind: 'resolver' }>;

function isResolver(value: unknown): value is ResolverNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'resolver' &&
    Array.isArray((value as { urlpatterns?: unknown }).urlpatterns)
  );
}

/** A resolver, or a list of patterns as the root of one. */
function asResolver(value: unknown): ResolverNode | undefined {
  if (isResolver(value)) return value;
  if (!Array.isArray(value)) return undefined;
  const root: ResolverNode = {
    kind: 'resolver',
    pattern: null,
    urlpatterns: value as UrlconfNode[],
    namespace: null,
    appName: null,
    defaultKwargs: {},
  };
  return root;
}

async function loadUrlconf(location: AppLocation, cwd: string): Promise<ResolverNode> {
  const file = resolve(cwd, location.path);
  if (!existsSync(file)) {
    throw new AppLoadError(
      `The urlconf module '${location.path}' (from ${location.source}) does not exist at ${file}. Fix the path.`,
    );
  }
  if (isTypeScript(file)) await registerTypeScript(location, cwd);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  for (const key of ['urlconf', 'urlpatterns', 'default']) {
    const resolver = asResolver(module[key]);
    if (resolver !== undefined) return resolver;
  }
  throw new AppLoadError(
    `The module '${location.path}' exports no urlconf. Export the createResolver() result as \`urlconf\`, or the list of path() results as \`urlpatterns\`.`,
  );
}

/** Where the file goes: `--out`, else beside the (TypeScript) module the urlconf came from. */
function outputFile(options: TypegenOptions, location: AppLocation, cwd: string): string {
  if (options.out !== undefined && options.out !== '') return resolve(cwd, options.out);
  if (!isTypeScript(location.path)) {
    throw new AppLoadError(
      `reins typegen writes ${TYPEGEN_FILE} beside the TypeScript module the urlconf comes from, and '${location.path}' (from ${location.source}) is JavaScript. Pass --out src/${TYPEGEN_FILE}, or --app ./src/app.ts.`,
    );
  }
  return join(dirname(resolve(cwd, location.path)), TYPEGEN_FILE);
}

/** `name: type` of each entry line of a generated file. */
function entriesOf(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const match of text.matchAll(/^ {2}('(?:[^'\\]|\\.)*'|[\w$]+): (.*);$/gm)) {
    entries.set(match[1]!, match[2]!);
  }
  return entries;
}

/** What changed between two generated files, by name, for `--check`'s message. */
function describeChanges(before: string, after: string): string {
  const old = entriesOf(before);
  const fresh = entriesOf(after);
  const list = (names: string[]): string =>
    names.length > 10
      ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more`
      : names.join(', ');
  const parts: string[] = [];
  const added = [...fresh.keys()].filter((name) => !old.has(name));
  const removed = [...old.keys()].filter((name) => !fresh.has(name));
  const changed = [...fresh.keys()].filter(
    (name) => old.has(name) && old.get(name) !== fresh.get(name),
  );
  if (added.length > 0) parts.push(`new names: ${list(added)}`);
  if (removed.length > 0) parts.push(`names gone: ${list(removed)}`);
  if (changed.length > 0) parts.push(`kwargs changed: ${list(changed)}`);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/** `reins typegen`: returns the exit code. */
async function typegen(
  options: TypegenOptions,
  io: CommandIo = processIo,
  cwd = process.cwd(),
): Promise<number> {
  let location: AppLocation;
  let resolver: ResolverNode;
  if (options.urlconf !== undefined && options.urlconf !== '') {
    location = { path: options.urlconf, source: '--urlconf' };
    resolver = await loadUrlconf(location, cwd);
  } else {
    location = await locateApp(options.app, cwd);
    const app = await importApp(location, cwd);
    resolver = app.resolver;
    // The app may have opened databases or caches at import; the command must still end.
    await app.close();
  }
  const file = outputFile(options, location, cwd);
  const near = relative(cwd, file);
  const shown = near === '' || near.startsWith('..') || isAbsolute(near) ? file : near;
  const text = generateUrlTypes(resolver);
  const count = entriesOf(text).size;
  if (options.check === true) {
    // A checkout with Windows line endings (git's autocrlf) holds the same file.
    const current = existsSync(file) ? readFileSync(file, 'utf8').replace(/\r\n/g, '\n') : null;
    if (current === text) {
      io.out(`${shown} is up to date (${count} URL names).`);
      return 0;
    }
    io.err(
      current === null
        ? `CommandError: ${shown} does not exist. Run \`reins typegen\` and commit the file.`
        : `CommandError: ${shown} is out of date with the urlconf${describeChanges(current, text)}. Run \`reins typegen\` and commit the file.`,
    );
    return 1;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  io.out(`Wrote ${shown} (${count} URL names).`);
  return 0;
}

/** Add `reins typegen` to the command line. */
export function registerTypegen(cli: CAC, finish: (code: Promise<number>) => Promise<void>): void {
  cli
    .command(
      'typegen',
      `Write ${TYPEGEN_FILE}: every URL name and its kwargs, for the typed reverse() and redirect()`,
    )
    .option('--check', 'Write nothing; exit 1 when the file is missing or out of date (for CI)')
    .option('--out <file>', `Where to write (default: ${TYPEGEN_FILE} beside the app module)`)
    .option(
      '--urlconf <module>',
      'Read the urlconf a module exports (urlconf, urlpatterns or default) instead of the app',
    )
    .example('reins typegen --app ./src/app.ts')
    .example('reins typegen --check')
    .action(async (options: { app?: string; urlconf?: string; out?: string; check?: boolean }) =>
      finish(
        typegen({
          ...(options.app === undefined ? {} : { app: options.app }),
          ...(options.urlconf === undefined ? {} : { urlconf: String(options.urlconf) }),
          ...(options.out === undefined ? {} : { out: String(options.out) }),
          check: options.check === true,
        }),
      ),
    );
}
