/**
 * Joining a client-chosen or template-chosen name onto a directory without ever leaving it: the
 * one place every path from a URL, a `{% static %}` name or a finder goes through.
 */
import { realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';

/**
 * A static name as a list of plain segments, or `null` when it could leave its root: `..`
 * segments, NUL, backslashes (a separator on Windows), a drive letter or an absolute path.
 * Empty and `.` segments are dropped, as `posixpath.normpath` would.
 */
export function staticSegments(name: string): string[] | null {
  if (name.includes('\0') || name.includes('\\') || isAbsolute(name) || /^[a-zA-Z]:/.test(name)) {
    return null;
  }
  const segments: string[] = [];
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return null;
    segments.push(segment);
  }
  return segments;
}

// Errors a client's path alone can cause: the file is just not there for that client.
const PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EISDIR', 'EINVAL']);

/** `stat` that answers `undefined` for the errors a path alone causes. */
export function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    if (PATH_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

const realRoots = new Map<string, string>();

function realRoot(root: string): string | undefined {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync(root);
    } catch {
      return undefined;
    }
    realRoots.set(root, real);
  }
  return real;
}

/**
 * `root/name` when it exists and, symlinks resolved, is still inside `root`; otherwise
 * `undefined`. Directories are returned too (Django's finders find them); callers that serve
 * check `isFile()`.
 */
export function safeJoin(root: string, name: string): { path: string; stats: Stats } | undefined {
  const segments = staticSegments(name);
  if (segments === null) return undefined;
  const base = resolve(root);
  const path = segments.length === 0 ? base : join(base, ...segments);
  const stats = statOrUndefined(path);
  if (stats === undefined) return undefined;
  const realBase = realRoot(base);
  if (realBase === undefined) return undefined;
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  if (real !== realBase && !real.startsWith(realBase.endsWith(sep) ? realBase : realBase + sep)) {
    return undefined;
  }
  return { path, stats };
}
