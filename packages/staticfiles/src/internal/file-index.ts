/**
 * The list of files under `staticRoot`, built once at start-up, so a request for a name that is
 * not there is answered without touching the disk, and no request path is ever joined onto the
 * root: a name is served only if it is a key of this map (symlinks leaving the root are left out).
 */
import { statSync } from 'node:fs';
import { walkFiles } from './walk.js';
import { contentTypeFor, representation, type StaticFile } from './static-file.js';

// WhiteNoise's cache policy for hashed names: a year, never revalidated.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Index every file under `root`; `isImmutable(name)` says which names carry a content hash. */
export function indexFiles(
  root: string,
  isImmutable: (name: string) => boolean,
  maxAge: number,
): Map<string, StaticFile> {
  const index = new Map<string, StaticFile>();
  const all = new Map<string, string>();
  for (const [name, path] of walkFiles(root, () => false)) all.set(name, path);
  for (const [name, path] of all) {
    const stats = statSync(path);
    const variant = (suffix: string, encoding: 'br' | 'gzip') => {
      const variantPath = all.get(name + suffix);
      return variantPath === undefined
        ? null
        : representation(variantPath, statSync(variantPath), encoding);
    };
    index.set(name, {
      contentType: contentTypeFor(name),
      lastModified: stats.mtime.toUTCString(),
      cacheControl: isImmutable(name) ? IMMUTABLE : `public, max-age=${maxAge}`,
      identity: representation(path, stats, null),
      br: name.endsWith('.br') || name.endsWith('.gz') ? null : variant('.br', 'br'),
      gzip: name.endsWith('.br') || name.endsWith('.gz') ? null : variant('.gz', 'gzip'),
    });
  }
  return index;
}
