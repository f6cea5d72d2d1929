/**
 * `StaticFilesStorage`: the file system under `staticRoot`, with URLs under `staticUrl` (Django's
 * `StaticFilesStorage`, a `FileSystemStorage`). collectstatic writes through it; `{% static %}`
 * asks it for URLs.
 */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ImproperlyConfigured } from '@reins/core';
import { filepathToUri, urljoin } from './internal/python-url.js';
import { staticSegments, statOrUndefined } from './internal/safe-path.js';

/** Options of {@link StaticFilesStorage}. */
export interface StaticFilesStorageOptions {
  /** `staticRoot`: where collectstatic writes; `null` when not configured. */
  location: string | null;
  /** `staticUrl`: the URL prefix, ending with `/`. */
  baseUrl: string;
}

/**
 * Static files on the local file system (Django's `StaticFilesStorage`).
 *
 * @example
 * new StaticFilesStorage({ location: 'staticfiles', baseUrl: '/static/' }).url('css/a b.css'); // '/static/css/a%20b.css'
 */
export class StaticFilesStorage {
  /** The absolute `staticRoot`, or `null`. */
  readonly location: string | null;
  /** The `staticUrl`. */
  readonly baseUrl: string;

  constructor(options: StaticFilesStorageOptions) {
    this.location = options.location === null ? null : resolve(options.location);
    this.baseUrl = options.baseUrl;
  }

  /** The absolute path of `name` under `staticRoot`; never outside it. */
  path(name: string): string {
    if (this.location === null) {
      throw new ImproperlyConfigured(
        "You're using the staticfiles app without having set the 'staticRoot' setting to a filesystem path. Set staticRoot: 'staticfiles' (any directory collectstatic may fill).",
        { setting: 'staticRoot' },
      );
    }
    const segments = staticSegments(name);
    if (segments === null) {
      throw new Error(
        `The joined path ('${name}') is located outside of the base path component ('${this.location}').`,
      );
    }
    return segments.length === 0 ? this.location : join(this.location, ...segments);
  }

  /** Whether `name` exists (a file or a directory). */
  exists(name: string): boolean {
    return statOrUndefined(this.path(name)) !== undefined;
  }

  /** The bytes of `name`. */
  open(name: string): Buffer {
    return readFileSync(this.path(name));
  }

  /** Write `content` as `name`, creating directories; returns the name. */
  save(name: string, content: Uint8Array): string {
    const path = this.path(name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return name;
  }

  /** Delete `name` if it exists. */
  delete(name: string): void {
    try {
      unlinkSync(this.path(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /** Remove the directory `name` and everything in it. */
  deleteTree(name: string): void {
    rmSync(this.path(name), { recursive: true, force: true });
  }

  /** `[directories, files]` directly in `name`. */
  listdir(name: string): [string[], string[]] {
    const dirs: string[] = [];
    const files: string[] = [];
    for (const entry of readdirSync(this.path(name), { withFileTypes: true })) {
      (entry.isDirectory() ? dirs : files).push(entry.name);
    }
    return [dirs.sort(), files.sort()];
  }

  /** When `name` was last modified. */
  modifiedTime(name: string): Date {
    return statSync(this.path(name)).mtime;
  }

  /** The URL of `name` (Django's `FileSystemStorage.url`). */
  url(name: string): string {
    return urljoin(this.baseUrl, filepathToUri(name).replace(/^\/+/, ''));
  }
}
