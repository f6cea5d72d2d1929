/**
 * Listing every file under a directory, as Django's `get_files()` does for collectstatic: names
 * relative to the root with `/`, Django's default ignore patterns (`CVS`, `.*`, `*~`) applied to
 * each name, and symlinks followed only while they stay inside the root.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Django's default `ignore_patterns` of the staticfiles app config. */
export function isIgnored(name: string): boolean {
  return name === 'CVS' || name.startsWith('.') || name.endsWith('~');
}

/** Every file below `root`, as `[relative name, absolute path]`, sorted per directory. */
export function* walkFiles(
  root: string,
  ignore: (name: string) => boolean = isIgnored,
): Generator<[string, string]> {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return;
  }
  const inside = (path: string): boolean => {
    try {
      const real = realpathSync(path);
      return real === realRoot || real.startsWith(realRoot + sep);
    } catch {
      return false;
    }
  };
  // A symlink back to an ancestor would list forever: each real directory is visited once.
  const visited = new Set<string>();
  function* visit(dir: string, prefix: string): Generator<[string, string]> {
    const real = realpathSync(dir);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    const dirs: [string, string][] = [];
    for (const entry of entries) {
      if (ignore(entry.name)) continue;
      const path = join(dir, entry.name);
      const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!inside(path)) continue;
        const stats = statSync(path);
        isDir = stats.isDirectory();
        isFile = stats.isFile();
      }
      if (isFile) yield [name, path];
      else if (isDir) dirs.push([path, name]);
    }
    // Django's listdir gives files first, then recurses into directories.
    for (const [path, name] of dirs) yield* visit(path, name);
  }
  yield* visit(root, '');
}
