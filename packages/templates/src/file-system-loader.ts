/**
 * Loads templates from directories (`FileSystemLoader`, Django's `filesystem.Loader`); names that
 * would escape a directory (`../secret`) are skipped, not read. Unlike Django, a symlink inside a
 * directory that resolves outside it is refused unless `followSymlinksOutsideDirs` is set, and any
 * filesystem error for a name (`ENOTDIR`, `ENAMETOOLONG`, `ELOOP`, `EACCES`, a NUL byte…) means
 * "not found here" rather than an error page: the name may come from a client.
 *
 * @module
 */
import {
  closeSync,
  constants,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Loader, TemplateOrigin } from './loader.js';

/** Options of {@link FileSystemLoader} and `AppDirectoriesLoader`. */
export interface FileSystemLoaderOptions {
  /**
   * Read templates through symlinks that resolve outside their template directory (false). Django
   * follows them; reins refuses them so that `{% include %}` cannot reach `/etc/passwd` through a
   * symlinked folder.
   */
  followSymlinksOutsideDirs?: boolean;
}

interface FileOrigin extends TemplateOrigin {
  /** The template directory the name was resolved in. */
  readonly dir: string;
}

function within(path: string, dir: string): boolean {
  return path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

// Opening with O_NOFOLLOW fails (ELOOP; EMLINK on FreeBSD) when the last component is a symlink.
// Undefined on Windows, where every read takes the realpath path.
const O_NOFOLLOW: number | undefined = constants.O_NOFOLLOW;
const SYMLINK_CODES = new Set(['ELOOP', 'EMLINK']);

/**
 * The file at `path` (inside `dir`), read only if no component below `dir` is a symlink — then
 * it lies inside `dir`, wherever `dir` itself resolves — or `undefined` when one is (the caller
 * then compares real paths). One `open` for a name without folders, against two `realpath`
 * calls that cost as much as the read each: most of a cold compile-and-render's I/O.
 */
function readWithoutSymlinks(path: string, dir: string): string | undefined {
  if (O_NOFOLLOW === undefined) return undefined;
  const base = dir.endsWith(sep) ? dir.length : dir.length + 1;
  for (let i = path.indexOf(sep, base); i !== -1; i = path.indexOf(sep, i + 1)) {
    if (lstatSync(path.slice(0, i)).isSymbolicLink()) return undefined;
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | O_NOFOLLOW);
  } catch (error) {
    if (SYMLINK_CODES.has(errorCode(error))) return undefined;
    throw error;
  }
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

// A name of plain segments (no `.`/`..`, no separators or drive letters to interpret) joins
// its directory exactly as `path.resolve` would; checked by hand, it skips resolve's work.
const PLAIN_NAME_RE = /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*$/;

/** `resolve(dir, name)` for an absolute, resolved `dir`. */
function resolveIn(dir: string, name: string): string {
  if (sep === '/' && PLAIN_NAME_RE.test(name) && !name.includes('..'))
    return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
  return resolve(dir, name);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : String(error);
}

/**
 * Templates from directories, searched in order.
 *
 * @example
 * const engine = new Engine({ loaders: [new FileSystemLoader(['templates'])] });
 */
export class FileSystemLoader implements Loader {
  /** The absolute directories searched. */
  readonly dirs: string[];
  /** Whether symlinks resolving outside their directory are followed. */
  readonly followSymlinksOutsideDirs: boolean;
  readonly #reasons = new WeakMap<TemplateOrigin, string>();

  constructor(dirs: readonly string[], options: FileSystemLoaderOptions = {}) {
    this.dirs = dirs.map((dir) => resolve(dir));
    this.followSymlinksOutsideDirs = options.followSymlinksOutsideDirs ?? false;
  }

  getTemplateSources(templateName: string): TemplateOrigin[] {
    const origins: FileOrigin[] = [];
    for (const dir of this.dirs) {
      const path = resolveIn(dir, templateName);
      // Django's safe_join: a name resolving outside the directory is not a candidate.
      if (!within(path, dir)) continue;
      origins.push({ name: path, templateName, loader: this, dir });
    }
    return origins;
  }

  getContents(origin: TemplateOrigin): string | undefined {
    if (origin.name.includes('\0'))
      return this.#missing(origin, 'Source does not exist: the name contains a NUL byte');
    let path = origin.name;
    try {
      if (!this.followSymlinksOutsideDirs) {
        const dir = (origin as Partial<FileOrigin>).dir;
        if (dir !== undefined) {
          const text = readWithoutSymlinks(origin.name, dir);
          if (text !== undefined) return text;
          // Read the resolved path itself, so the file checked is the file read. The native
          // realpath is one system call; the JavaScript one lstat()s every path component, which
          // was a sixth of a cold compile-and-render.
          path = realpathSync.native(origin.name);
          const realDir = realpathSync.native(dir);
          if (!within(path, realDir)) {
            return this.#missing(
              origin,
              `Refused: a symlink resolving outside ${dir}; set followSymlinksOutsideDirs to follow it`,
            );
          }
        }
      }
      return readFileSync(path, 'utf8');
    } catch (error) {
      const code = errorCode(error);
      return this.#missing(
        origin,
        code === 'ENOENT' ? 'Source does not exist' : `Source could not be read: ${code}`,
      );
    }
  }

  /** Why {@link getContents} answered `undefined` for this origin (shown in TemplateDoesNotExist). */
  missingReason(origin: TemplateOrigin): string | undefined {
    return this.#reasons.get(origin);
  }

  getStamp(origin: TemplateOrigin): number | undefined {
    try {
      return statSync(origin.name).mtimeMs;
    } catch {
      return undefined;
    }
  }

  #missing(origin: TemplateOrigin, reason: string): undefined {
    this.#reasons.set(origin, reason);
    return undefined;
  }
}
