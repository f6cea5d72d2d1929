/**
 * The staticfiles settings (Django's `STATIC_URL`, `STATIC_ROOT`, `STATICFILES_DIRS`,
 * `STATICFILES_FINDERS`, `STATICFILES_STORAGE`) as one validated object, {@link Staticfiles}, that
 * the middleware, the `{% static %}` library, `staticUrl()` and the CLI commands share.
 */
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { CheckMessage } from '@reins/core';
import { ImproperlyConfigured } from '@reins/core';
import { AppDirectoriesFinder, FileSystemFinder } from './finders.js';
import type { Finder, StaticfilesDir } from './finders.js';
import { ManifestStaticFilesStorage } from './manifest-static-files-storage.js';
import { StaticFilesStorage } from './static-files-storage.js';
import { setDefaultStaticfiles } from './static-url.js';

/** The built-in finders by Django's class name, or a finder of your own. */
export type FinderSetting = 'FileSystemFinder' | 'AppDirectoriesFinder' | Finder;

/** The built-in storages by Django's class name, or a storage of your own. */
export type StorageSetting =
  'StaticFilesStorage' | 'ManifestStaticFilesStorage' | StaticFilesStorage;

/**
 * What {@link defineStaticfiles} takes.
 *
 * @example
 * const options: StaticfilesOptions = { staticUrl: '/static/', staticRoot: 'staticfiles', staticfilesDirs: ['static'] };
 */
export interface StaticfilesOptions {
  /** URL prefix of static files, ending with `/` (`'/static/'` or `'https://cdn.example/static/'`). */
  staticUrl: string;
  /** Where `collectstatic` copies files and production serving reads them. Default `null`. */
  staticRoot?: string | null;
  /** Directories searched by `FileSystemFinder`: a path, or `[prefix, path]`. Default `[]`. */
  staticfilesDirs?: readonly StaticfilesDir[];
  /** App or package directories whose `static/` folder `AppDirectoriesFinder` searches. Default `[]`. */
  appDirs?: readonly string[];
  /** Finders, in order. Default `['FileSystemFinder', 'AppDirectoriesFinder']`. */
  finders?: readonly FinderSetting[];
  /** The storage. Default `'StaticFilesStorage'` (Django's default). */
  storage?: StorageSetting;
  /** With `ManifestStaticFilesStorage`: a name missing from the manifest is an error. Default `true`. */
  manifestStrict?: boolean;
  /**
   * Development: unhashed URLs, and the middleware serves from the finders without collecting.
   * Pass the app's `debug`. Default `false`.
   */
  debug?: boolean;
  /** Paths are resolved against this directory. Default `process.cwd()`. */
  baseDir?: string;
}

/**
 * The static files configuration of one app.
 *
 * @example
 * const staticfiles = defineStaticfiles({ staticUrl: '/static/', staticRoot: 'staticfiles', staticfilesDirs: ['static'] });
 * staticfiles.url('css/site.css'); // '/static/css/site.css'
 */
export class Staticfiles {
  /** The `staticUrl`. */
  readonly staticUrl: string;
  /** The absolute `staticRoot`, or `null`. */
  readonly staticRoot: string | null;
  /** The finders, in order. */
  readonly finders: readonly Finder[];
  /** The storage collectstatic writes to and URLs come from. */
  readonly storage: StaticFilesStorage;
  /** Development mode. */
  readonly debug: boolean;
  readonly #dirs: readonly StaticfilesDir[];
  readonly #baseDir: string;

  constructor(options: StaticfilesOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new ImproperlyConfigured(
        "defineStaticfiles() needs an options object such as { staticUrl: '/static/' }.",
      );
    }
    const { staticUrl } = options;
    if (typeof staticUrl !== 'string' || staticUrl === '') {
      throw new ImproperlyConfigured(
        `The 'staticUrl' setting must be a non-empty URL prefix such as '/static/', got ${JSON.stringify(staticUrl)}.`,
        { setting: 'staticUrl' },
      );
    }
    if (!staticUrl.endsWith('/')) {
      throw new ImproperlyConfigured(
        `The 'staticUrl' setting must end with a slash, got '${staticUrl}'. Write '${staticUrl}/'.`,
        { setting: 'staticUrl' },
      );
    }
    if (!staticUrl.startsWith('/') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(staticUrl)) {
      throw new ImproperlyConfigured(
        `The 'staticUrl' setting must start with '/' or be an absolute URL, got '${staticUrl}'. Write '/${staticUrl}'.`,
        { setting: 'staticUrl' },
      );
    }
    this.staticUrl = staticUrl;
    this.#baseDir = options.baseDir ?? process.cwd();
    this.debug = options.debug ?? false;
    const root = options.staticRoot ?? null;
    if (root !== null && (typeof root !== 'string' || root === '')) {
      throw new ImproperlyConfigured(
        `The 'staticRoot' setting must be a directory path or null, got ${JSON.stringify(root)}.`,
        { setting: 'staticRoot' },
      );
    }
    this.staticRoot = root === null ? null : resolve(this.#baseDir, root);
    const dirs = options.staticfilesDirs ?? [];
    if (!Array.isArray(dirs)) {
      throw new ImproperlyConfigured(
        `The 'staticfilesDirs' setting must be a list of directories (or [prefix, directory] pairs), got ${JSON.stringify(dirs)}.`,
        { setting: 'staticfilesDirs' },
      );
    }
    for (const entry of dirs) {
      const ok =
        typeof entry === 'string' ||
        (Array.isArray(entry) &&
          entry.length === 2 &&
          typeof entry[0] === 'string' &&
          typeof entry[1] === 'string');
      if (!ok) {
        throw new ImproperlyConfigured(
          `Each 'staticfilesDirs' entry must be a directory or a [prefix, directory] pair, got ${JSON.stringify(entry)}.`,
          { setting: 'staticfilesDirs' },
        );
      }
    }
    this.#dirs = dirs;
    this.finders = (options.finders ?? ['FileSystemFinder', 'AppDirectoriesFinder']).map(
      (finder) => {
        if (finder === 'FileSystemFinder') return new FileSystemFinder(dirs, this.#baseDir);
        if (finder === 'AppDirectoriesFinder') {
          return new AppDirectoriesFinder(options.appDirs ?? [], this.#baseDir);
        }
        if (typeof finder === 'object' && finder !== null && typeof finder.find === 'function') {
          return finder;
        }
        throw new ImproperlyConfigured(
          `Unknown finder ${JSON.stringify(finder)} in the 'finders' setting. Use 'FileSystemFinder', 'AppDirectoriesFinder' or an object with find(), findAll() and list().`,
          { setting: 'finders' },
        );
      },
    );
    const storage = options.storage ?? 'StaticFilesStorage';
    if (storage === 'StaticFilesStorage') {
      this.storage = new StaticFilesStorage({ location: this.staticRoot, baseUrl: staticUrl });
    } else if (storage === 'ManifestStaticFilesStorage') {
      this.storage = new ManifestStaticFilesStorage({
        location: this.staticRoot,
        baseUrl: staticUrl,
        manifestStrict: options.manifestStrict ?? true,
        debug: this.debug,
      });
    } else if (storage instanceof StaticFilesStorage) {
      this.storage = storage;
    } else {
      throw new ImproperlyConfigured(
        `Unknown storage ${JSON.stringify(storage)} in the 'storage' setting. Use 'StaticFilesStorage' or 'ManifestStaticFilesStorage'.`,
        { setting: 'storage' },
      );
    }
  }

  /**
   * The URL of a static file (what `{% static %}` outputs, unescaped): hashed with the manifest
   * storage outside debug.
   *
   * @example
   * staticfiles.url('css/site.css'); // '/static/css/site.55e7cbb9ba48.css'
   */
  url(path: string): string {
    return this.storage.url(path);
  }

  /**
   * The first file the finders find for `path` (Django's `finders.find`), or `null`.
   *
   * @example
   * staticfiles.find('css/site.css'); // '/app/static/css/site.css'
   */
  find(path: string): string | null {
    for (const finder of this.finders) {
      const found = finder.find(path);
      if (found !== null) return found;
    }
    return null;
  }

  /**
   * Every file the finders find for `path`, in search order.
   *
   * @example
   * staticfiles.findAll('css/site.css'); // ['/app/static/css/site.css', '/app/vendor/static/css/site.css']
   */
  findAll(path: string): string[] {
    const found: string[] = [];
    for (const finder of this.finders) {
      for (const match of finder.findAll(path)) if (!found.includes(match)) found.push(match);
    }
    return found;
  }

  /**
   * Django's staticfiles checks: finder settings, `staticRoot` inside a `staticfilesDirs` entry,
   * missing directories.
   *
   * @example
   * staticfiles.check(); // [{ id: 'staticfiles.W004', level: 'warning', message: "The directory '…' …" }]
   */
  check(): CheckMessage[] {
    const messages = this.finders.flatMap((finder) => finder.check());
    if (this.staticRoot !== null) {
      for (const entry of this.#dirs) {
        const dir = resolve(this.#baseDir, typeof entry === 'string' ? entry : entry[1]);
        if (this.staticRoot === dir || this.staticRoot.startsWith(dir + sep)) {
          messages.push({
            id: 'staticfiles.E002',
            level: 'error',
            message: `The 'staticfilesDirs' setting should not contain the 'staticRoot' setting ('${this.staticRoot}' is inside '${dir}').`,
            hint: 'collectstatic would collect its own output: put staticRoot outside every staticfilesDirs entry.',
          });
        }
      }
      if (!this.debug && !existsSync(this.staticRoot)) {
        messages.push({
          id: 'staticfiles.W100',
          level: 'warning',
          message: `The 'staticRoot' directory '${this.staticRoot}' does not exist, so no static file will be served.`,
          hint: "Run 'reins collectstatic --noinput' before starting the server.",
        });
      }
    }
    return messages;
  }
}

/**
 * Validate the staticfiles settings once, at start-up.
 *
 * @throws {ImproperlyConfigured} naming the setting that is wrong.
 * @example
 * export const staticfiles = defineStaticfiles({
 *   staticUrl: '/static/',
 *   staticRoot: 'staticfiles',
 *   staticfilesDirs: ['static', ['vendor', 'node_modules/htmx.org/dist']],
 *   storage: 'ManifestStaticFilesStorage',
 *   debug,
 * });
 */
export function defineStaticfiles(options: StaticfilesOptions): Staticfiles {
  const staticfiles = new Staticfiles(options);
  setDefaultStaticfiles(staticfiles);
  return staticfiles;
}
