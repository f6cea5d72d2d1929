/**
 * `ManifestStaticFilesStorage` (Django 3.2's `ManifestFilesMixin` + `HashedFilesMixin`):
 * collectstatic saves every file again under a content-hashed name (`site.55e7cbb9ba48.css`, the
 * first 12 hex digits of its MD5), rewrites CSS `url()`, `@import` and `sourceMappingURL`
 * references to the hashed names over repeated passes until nothing changes, and writes
 * `staticfiles.json` in Django's format; `url()` then answers the hashed name from the manifest.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HashedFileNotFound, MissingManifestEntry, PostProcessError } from './errors.js';
import { HASH_PATTERNS, isAdjustable } from './internal/css-patterns.js';
import {
  posixDirname,
  posixJoin,
  posixNormpath,
  posixSplit,
  pyStrip,
  splitext,
  unquote,
  urldefrag,
  urlsplit,
  urlunsplit,
} from './internal/python-url.js';
import { StaticFilesStorage, type StaticFilesStorageOptions } from './static-files-storage.js';

/** Options of {@link ManifestStaticFilesStorage}. */
export interface ManifestStaticFilesStorageOptions extends StaticFilesStorageOptions {
  /** Fail for a name missing from the manifest (Django's `manifest_strict`). Default `true`. */
  manifestStrict?: boolean;
  /** Debug answers unhashed URLs, as Django's `url()` does under `DEBUG`. Default `false`. */
  debug?: boolean;
}

/** One result of {@link ManifestStaticFilesStorage.postProcess}. */
export interface PostProcessed {
  /** The collected name. */
  name: string;
  /** Its hashed name, `null` with an error. */
  hashedName: string | null;
  /** Whether a file was written (or the error that stopped it). */
  processed: boolean | Error;
}

const MAX_POST_PROCESS_PASSES = 5;
const MANIFEST_NAME = 'staticfiles.json';
const MANIFEST_VERSION = '1.0';

/**
 * Content-hashed static files with a manifest (Django's `ManifestStaticFilesStorage`).
 *
 * @example
 * const storage = new ManifestStaticFilesStorage({ location: 'staticfiles', baseUrl: '/static/' });
 * storage.url('css/site.css'); // '/static/css/site.55e7cbb9ba48.css'
 */
export class ManifestStaticFilesStorage extends StaticFilesStorage {
  /** Whether a name missing from the manifest is an error. */
  readonly manifestStrict: boolean;
  /** Whether URLs are unhashed (development). */
  readonly debug: boolean;
  /** The file the manifest is kept in, relative to `staticRoot`. */
  readonly manifestName = MANIFEST_NAME;
  #hashedFiles: Map<string, string> | undefined;

  constructor(options: ManifestStaticFilesStorageOptions) {
    super(options);
    this.manifestStrict = options.manifestStrict ?? true;
    this.debug = options.debug ?? false;
  }

  /** The manifest's `paths` (name → hashed name), read from `staticRoot` on first use. */
  get hashedFiles(): ReadonlyMap<string, string> {
    this.#hashedFiles ??= this.loadManifest();
    return this.#hashedFiles;
  }

  /** Read `staticfiles.json` again (after collectstatic ran in another process). */
  reloadManifest(): void {
    this.#hashedFiles = this.loadManifest();
  }

  /** Django's `load_manifest`: the `paths` of a version 1.0 manifest, `{}` when there is none. */
  loadManifest(): Map<string, string> {
    if (this.location === null) return new Map();
    let text: string;
    try {
      text = readFileSync(this.path(MANIFEST_NAME), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    let stored: { version?: unknown; paths?: unknown } | undefined;
    try {
      stored = JSON.parse(text) as typeof stored;
    } catch {
      stored = undefined;
    }
    if (stored?.version === MANIFEST_VERSION) {
      const paths = stored.paths ?? {};
      return new Map(Object.entries(paths as Record<string, string>));
    }
    throw new Error(
      `Couldn't load manifest '${MANIFEST_NAME}' (version ${MANIFEST_VERSION}) from ${this.path(MANIFEST_NAME)}. Run 'reins collectstatic --clear' to write it again.`,
    );
  }

  /** The hashed URL of `name` (the plain one under `debug`). */
  override url(name: string, force = false): string {
    return this.#url((clean) => this.storedName(clean), name, force);
  }

  /** The hashed name of `name` from the manifest (Django's `stored_name`). */
  storedName(name: string): string {
    const parsed = urlsplit(unquote(name));
    const cleanName = pyStrip(parsed.path);
    let cacheName = this.hashedFiles.get(cleanName);
    if (cacheName === undefined) {
      if (this.manifestStrict) throw new MissingManifestEntry(cleanName);
      cacheName = this.hashedName(name).replaceAll('\\', '/');
    }
    parsed.path = cacheName;
    if (name.includes('?#') && parsed.query === '') parsed.path += '?';
    return urlunsplit(parsed);
  }

  /** `name` with the hash of `content` (or of the file in `staticRoot`) before its extension. */
  hashedName(name: string, content?: Uint8Array, filename?: string): string {
    const parsed = urlsplit(unquote(name));
    const cleanName = pyStrip(parsed.path);
    const file = (filename !== undefined && pyStrip(urlsplit(unquote(filename)).path)) || cleanName;
    let bytes = content;
    if (bytes === undefined) {
      if (!this.exists(file)) throw new HashedFileNotFound(file, this.#repr());
      try {
        bytes = this.open(file);
      } catch (error) {
        // A directory (Django: "Handle directory paths and fragments").
        if ((error as NodeJS.ErrnoException).code === 'EISDIR') return name;
        throw error;
      }
    }
    const hash = createHash('md5').update(bytes).digest('hex').slice(0, 12);
    const [dir, base] = posixSplit(cleanName);
    const [root, ext] = splitext(base);
    parsed.path = dir === '' ? `${root}.${hash}${ext}` : posixJoin(dir, `${root}.${hash}${ext}`);
    if (name.includes('?#') && parsed.query === '') parsed.path += '?';
    return urlunsplit(parsed);
  }

  /**
   * Hash, rewrite and save the collected files (`paths`: collected name → source file), then
   * write the manifest. Yields one result per file and pass, as Django's generator does.
   */
  *postProcess(
    paths: ReadonlyMap<string, string>,
    options: { dryRun?: boolean } = {},
  ): Generator<PostProcessed> {
    if (options.dryRun === true) return;
    this.#hashedFiles = new Map();
    const hashedFiles = new Map<string, string>();
    const adjustable = new Set(
      [...paths]
        .filter(([name, source]) => isAdjustable(name, () => readFileSync(source)))
        .map(([name]) => name),
    );
    for (const result of this.#pass(paths, adjustable, hashedFiles)) yield result;
    const adjustablePaths = new Map([...paths].filter(([name]) => adjustable.has(name)));
    let substitutions = false;
    for (let index = 0; index < MAX_POST_PROCESS_PASSES; index++) {
      substitutions = false;
      for (const result of this.#pass(adjustablePaths, adjustable, hashedFiles)) {
        yield result;
        substitutions ||= result.substitutions;
      }
      if (!substitutions) break;
    }
    if (substitutions) {
      yield {
        name: 'All',
        hashedName: null,
        processed: new PostProcessError(
          'All',
          'Max post-process passes exceeded: CSS files still changed after 5 passes (files that reference each other in a cycle).',
        ),
      };
    }
    for (const [key, value] of hashedFiles) this.#hashedFiles.set(key, value);
    this.saveManifest();
  }

  /** Write `staticfiles.json` as Django does (`json.dumps` of `{paths, version}`). */
  saveManifest(): void {
    const paths: Record<string, string> = {};
    for (const [key, value] of this.hashedFiles) paths[key] = value;
    this.delete(MANIFEST_NAME);
    this.save(MANIFEST_NAME, Buffer.from(pythonJsonDumps({ paths, version: MANIFEST_VERSION })));
  }

  *#pass(
    paths: ReadonlyMap<string, string>,
    adjustable: ReadonlySet<string>,
    hashedFiles: Map<string, string>,
  ): Generator<PostProcessed & { substitutions: boolean }> {
    // Deepest first; the sort is stable, as Python's.
    const names = [...paths.keys()].sort((a, b) => b.split('/').length - a.split('/').length);
    for (const name of names) {
      let substitutions = true;
      const original = readFileSync(paths.get(name)!);
      const key = name.replaceAll('\\', '/');
      let hashedName = hashedFiles.get(key) ?? this.hashedName(name, original);
      const hashedFileExists = this.exists(hashedName);
      let processed = false;
      if (adjustable.has(name)) {
        const oldHashedName = hashedName;
        let content: string;
        try {
          content = new TextDecoder('utf-8', { fatal: true }).decode(original);
        } catch (error) {
          yield {
            name,
            hashedName: null,
            processed: new PostProcessError(
              name,
              `'${name}' is not valid UTF-8, so its references cannot be rewritten. Save it as UTF-8.`,
              { cause: error },
            ),
            substitutions: false,
          };
          return;
        }
        for (const { applies, pattern, template } of HASH_PATTERNS) {
          if (!applies(name)) continue;
          try {
            content = content.replace(pattern, this.#converter(name, hashedFiles, template));
          } catch (error) {
            if (!HashedFileNotFound.isInstance(error)) throw error;
            yield {
              name,
              hashedName: null,
              processed: error,
              substitutions: false,
            };
          }
        }
        if (hashedFileExists) this.delete(hashedName);
        const bytes = Buffer.from(content, 'utf8');
        hashedName = this.hashedName(name, bytes);
        if (this.exists(hashedName)) this.delete(hashedName);
        hashedName = this.save(hashedName, bytes).replaceAll('\\', '/');
        if (oldHashedName === hashedName) substitutions = false;
        processed = true;
      }
      if (!processed && !hashedFileExists) {
        processed = true;
        hashedName = this.save(hashedName, original).replaceAll('\\', '/');
      }
      hashedFiles.set(key, hashedName);
      yield { name, hashedName, processed, substitutions };
    }
  }

  #converter(
    name: string,
    hashedFiles: ReadonlyMap<string, string>,
    template: string,
  ): (matched: string, ...groups: string[]) => string {
    return (matched, _whole, url) => {
      const target = url;
      // Absolute, protocol-relative and data: URLs stay (Django's pattern is lower-case only).
      if (/^[a-z]+:/.test(target)) return matched;
      if (target.startsWith('/') && !target.startsWith(this.baseUrl)) return matched;
      const [urlPath, fragment] = urldefrag(target);
      const targetName = urlPath.startsWith('/')
        ? urlPath.slice(this.baseUrl.length)
        : posixJoin(posixDirname(name), urlPath);
      const hashedUrl = this.#url(
        (clean) => this.#storedNameIn(clean, hashedFiles),
        unquote(targetName),
        true,
      );
      let transformed = [...urlPath.split('/').slice(0, -1), hashedUrl.split('/').at(-1)!].join(
        '/',
      );
      if (fragment !== '') transformed += (target.includes('?#') ? '?#' : '#') + fragment;
      return template.replace('%s', () => unquote(transformed));
    };
  }

  /** Django's `_stored_name`: during post-processing, from the names hashed so far. */
  #storedNameIn(name: string, hashedFiles: ReadonlyMap<string, string>): string {
    const clean = posixNormpath(name).replaceAll('\\', '/');
    return hashedFiles.get(clean) ?? this.hashedName(posixNormpath(name)).replaceAll('\\', '/');
  }

  /** Django's `_url`. */
  #url(storedName: (name: string) => string, name: string, force: boolean): string {
    let hashedName: string;
    let fragment = '';
    if (this.debug && !force) {
      hashedName = name;
    } else {
      const [clean, found] = urldefrag(name);
      fragment = found;
      hashedName = urlsplit(clean).path.endsWith('/') ? name : storedName(clean);
    }
    let finalUrl = super.url(hashedName);
    const queryFragment = name.includes('?#');
    if (fragment !== '' || queryFragment) {
      const parts = urlsplit(finalUrl);
      if (fragment !== '' && parts.fragment === '') parts.fragment = fragment;
      if (queryFragment && parts.query === '') parts.path += '?';
      finalUrl = urlunsplit(parts);
    }
    return unquote(finalUrl);
  }

  #repr(): string {
    return `<ManifestStaticFilesStorage at '${this.location ?? ''}'>`;
  }
}

/** Python's `json.dumps` with its defaults: `", "` and `": "` separators, non-ASCII escaped. */
function pythonJsonDumps(value: unknown): string {
  return JSON.stringify(value)
    .replace(/"(?:[^"\\]|\\.)*"|[,:]/g, (token) =>
      token === ',' ? ', ' : token === ':' ? ': ' : token,
    )
    .replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}
