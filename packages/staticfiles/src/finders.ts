/**
 * Django's static file finders: {@link FileSystemFinder} searches `staticfilesDirs` (each
 * optionally under a prefix), {@link AppDirectoriesFinder} the `static/` folder of each app or
 * package directory. `find()` answers what `findstatic` and development serving need; `list()` what
 * `collectstatic` copies.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckMessage } from '@reins/core';
import { safeJoin } from './internal/safe-path.js';
import { isIgnored, walkFiles } from './internal/walk.js';

/**
 * What a finder does (Django's `BaseFinder`).
 *
 * @example
 * const finder: Finder = new FileSystemFinder(['assets']);
 * finder.find('css/site.css'); // '/abs/assets/css/site.css' or null
 */
export interface Finder {
  /** The absolute path of the first match, or `null`. */
  find(path: string): string | null;
  /** Every match, in search order. */
  findAll(path: string): string[];
  /** Every file it can collect: `[name as collected, absolute path]`. */
  list(ignore?: (name: string) => boolean): Iterable<[string, string]>;
  /** The directories searched, for `findstatic -v 2`. */
  readonly searchedLocations: readonly string[];
  /** Configuration problems (Django's finder checks). */
  check(): CheckMessage[];
}

/** A `staticfilesDirs` entry: a directory, or `[prefix, directory]` (Django's tuple form). */
export type StaticfilesDir = string | readonly [prefix: string, dir: string];

/**
 * Finds files in the `staticfilesDirs` directories (Django's `FileSystemFinder`).
 *
 * @example
 * new FileSystemFinder(['static', ['vendor', 'node_modules/htmx.org/dist']]).find('vendor/htmx.js');
 */
export class FileSystemFinder implements Finder {
  /** `[prefix, absolute directory]` pairs, in order. */
  readonly locations: readonly (readonly [string, string])[];
  readonly #dirs: readonly StaticfilesDir[];

  constructor(staticfilesDirs: readonly StaticfilesDir[], cwd = process.cwd()) {
    this.#dirs = staticfilesDirs;
    this.locations = staticfilesDirs.map((entry) =>
      typeof entry === 'string' ? ['', resolve(cwd, entry)] : [entry[0], resolve(cwd, entry[1])],
    );
  }

  get searchedLocations(): readonly string[] {
    return this.locations.map(([, root]) => root);
  }

  find(path: string): string | null {
    for (const [prefix, root] of this.locations) {
      const found = findLocation(root, path, prefix);
      if (found !== null) return found;
    }
    return null;
  }

  findAll(path: string): string[] {
    const matches: string[] = [];
    for (const [prefix, root] of this.locations) {
      const found = findLocation(root, path, prefix);
      if (found !== null && !matches.includes(found)) matches.push(found);
    }
    return matches;
  }

  *list(ignore: (name: string) => boolean = isIgnored): Iterable<[string, string]> {
    for (const [prefix, root] of this.locations) {
      if (!isDirectory(root)) continue;
      for (const [name, path] of walkFiles(root, ignore)) {
        yield [prefix === '' ? name : `${prefix}/${name}`, path];
      }
    }
  }

  check(): CheckMessage[] {
    const messages: CheckMessage[] = [];
    if (!Array.isArray(this.#dirs)) {
      return [
        {
          level: 'error',
          id: 'staticfiles.E001',
          message: "The 'staticfilesDirs' setting is not a list.",
          hint: "Perhaps you forgot a trailing comma? Write staticfilesDirs: ['static'].",
        },
      ];
    }
    for (const [prefix, root] of this.locations) {
      if (prefix.endsWith('/')) {
        messages.push({
          level: 'error',
          id: 'staticfiles.E003',
          message: `The prefix '${prefix}' in the 'staticfilesDirs' setting must not end with a slash.`,
          hint: `Write ['${prefix.replace(/\/+$/, '')}', '${root}'].`,
        });
      }
      if (!existsSync(root)) {
        messages.push({
          level: 'warning',
          id: 'staticfiles.W004',
          message: `The directory '${root}' in the 'staticfilesDirs' setting does not exist.`,
          hint: 'Create it, or remove it from staticfilesDirs.',
        });
      }
    }
    return messages;
  }
}

/**
 * Finds files in the `static/` folder of each app directory (Django's `AppDirectoriesFinder`;
 * reins has no `INSTALLED_APPS`, so the directories are listed, e.g. a package's folder).
 *
 * @example
 * new AppDirectoriesFinder([dirname(require.resolve('some-widget/package.json'))]);
 */
export class AppDirectoriesFinder implements Finder {
  /** The `static/` folders that exist, in order. */
  readonly roots: readonly string[];

  constructor(appDirs: readonly string[], cwd = process.cwd()) {
    this.roots = appDirs.map((dir) => join(resolve(cwd, dir), 'static')).filter(isDirectory);
  }

  get searchedLocations(): readonly string[] {
    return this.roots;
  }

  find(path: string): string | null {
    for (const root of this.roots) {
      const found = findLocation(root, path, '');
      if (found !== null) return found;
    }
    return null;
  }

  findAll(path: string): string[] {
    return this.roots.flatMap((root) => findLocation(root, path, '') ?? []);
  }

  *list(ignore: (name: string) => boolean = isIgnored): Iterable<[string, string]> {
    for (const root of this.roots) yield* walkFiles(root, ignore);
  }

  check(): CheckMessage[] {
    return [];
  }
}

function findLocation(root: string, path: string, prefix: string): string | null {
  let name = path;
  if (prefix !== '') {
    const withSlash = `${prefix}/`;
    if (!name.startsWith(withSlash)) return null;
    name = name.slice(withSlash.length);
  }
  return safeJoin(root, name)?.path ?? null;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
