/**
 * `reins collectstatic` (Django's command): copy every file the finders list into `staticRoot`
 * (the first of two files with the same name wins), skip those not modified since the last run,
 * post-process with the storage (hashed names and the manifest), and write `.gz`/`.br` variants.
 * Returns Django's summary line.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { ReinsError } from '@reins/core';
import type { Staticfiles } from './define-staticfiles.js';
import { PostProcessError } from './errors.js';
import { isCompressible, precompress } from './internal/precompress.js';
import { ManifestStaticFilesStorage } from './manifest-static-files-storage.js';

/** Options of {@link collectstatic}, as the command's flags. */
export interface CollectstaticOptions {
  /** Delete everything in `staticRoot` first (`--clear`). */
  clear?: boolean;
  /** Do everything except modify the file system (`--dry-run`). */
  dryRun?: boolean;
  /** Ask before overwriting (`false` with `--noinput`). Default `true`. */
  interactive?: boolean;
  /** 0 silent, 1 summary and deletions, 2 every file (`-v`). Default 1. */
  verbosity?: number;
  /** Skip post-processing (`--no-post-process`). */
  postProcess?: boolean;
  /** Write `.gz`/`.br` variants. Default `true`. */
  compress?: boolean;
  /** Where progress goes. */
  log?: (line: string) => void;
  /** Asks the user; answers the typed text. Required when interactive and files would be overwritten. */
  prompt?: (question: string) => Promise<string>;
}

/** What {@link collectstatic} did. */
export interface CollectstaticResult {
  modified: string[];
  unmodified: string[];
  postProcessed: string[];
  /** Django's summary line ("3 static files copied to '…', 1 unmodified, 3 post-processed."). */
  summary: string;
}

/**
 * The command gave up (cancelled at the prompt, or no `staticRoot`).
 *
 * @example
 * if (CommandError.isInstance(error)) process.exitCode = 1;
 */
export class CommandError extends ReinsError {
  override readonly code = 'staticfiles.command';
}

/**
 * Collect the static files into `staticRoot`.
 *
 * @example
 * const { summary } = await collectstatic(staticfiles, { interactive: false });
 * console.log(summary); // "2 static files copied to '/app/staticfiles', 2 post-processed."
 */
export async function collectstatic(
  staticfiles: Staticfiles,
  options: CollectstaticOptions = {},
): Promise<CollectstaticResult> {
  const verbosity = options.verbosity ?? 1;
  const dryRun = options.dryRun === true;
  const log = (message: string, level = 2): void => {
    if (verbosity >= level) options.log?.(message);
  };
  const storage = staticfiles.storage;
  if (staticfiles.staticRoot === null) {
    throw new CommandError(
      "collectstatic needs the 'staticRoot' setting: the directory to collect into. Set staticRoot: 'staticfiles' in defineStaticfiles().",
    );
  }
  const destination = staticfiles.staticRoot;
  if (options.interactive !== false) {
    const shouldWarn = existsSync(destination) && readdirSync(destination).length > 0;
    if (shouldWarn) {
      const message = [
        '\n',
        dryRun ? 'You have activated the --dry-run option so no files will be modified.\n\n' : '',
        'You have requested to collect static files at the destination\nlocation as specified in your settings',
        `:\n\n    ${destination}\n\n`,
        options.clear === true
          ? 'This will DELETE ALL FILES in this location!\n'
          : 'This will overwrite existing files!\n',
        "Are you sure you want to do this?\n\nType 'yes' to continue, or 'no' to cancel: ",
      ].join('');
      if (options.prompt === undefined || (await options.prompt(message)) !== 'yes') {
        throw new CommandError('Collecting static files cancelled.');
      }
    }
  }
  if (options.clear === true) clearDir(staticfiles, '', dryRun, log);

  const found = new Map<string, string>();
  const modified: string[] = [];
  const unmodified: string[] = [];
  for (const finder of staticfiles.finders) {
    for (const [name, source] of finder.list()) {
      if (found.has(name)) {
        log(
          `Found another file with the destination path '${name}'. It will be ignored since only the first encountered file is collected. If this is not what you want, make sure every static file has a unique path.`,
          1,
        );
        continue;
      }
      found.set(name, source);
      if (storage.exists(name)) {
        const target = storage.modifiedTime(name).getTime();
        const sourceTime = statSync(source).mtime.getTime();
        // Django compares whole seconds.
        if (Math.floor(target / 1000) >= Math.floor(sourceTime / 1000)) {
          if (!unmodified.includes(name)) unmodified.push(name);
          log(`Skipping '${name}' (not modified)`);
          continue;
        }
        if (dryRun) log(`Pretending to delete '${name}'`);
        else {
          log(`Deleting '${name}'`);
          storage.delete(name);
        }
      }
      if (dryRun) log(`Pretending to copy '${source}'`, 1);
      else {
        log(`Copying '${source}'`);
        storage.save(name, await readFileAsync(source));
      }
      if (!modified.includes(name)) modified.push(name);
    }
  }

  const postProcessed: string[] = [];
  const written = new Set<string>();
  if (options.postProcess !== false && storage instanceof ManifestStaticFilesStorage) {
    for (const result of storage.postProcess(found, { dryRun })) {
      if (result.processed instanceof Error) {
        options.log?.(`Post-processing '${result.name}' failed!`);
        throw PostProcessError.isInstance(result.processed)
          ? result.processed
          : new PostProcessError(result.name, result.processed.message, {
              cause: result.processed,
            });
      }
      if (result.processed) {
        log(`Post-processed '${result.name}' as '${result.hashedName}'`);
        postProcessed.push(result.name);
        written.add(result.hashedName!);
      } else {
        log(`Skipped post-processing '${result.name}'`);
      }
    }
  }
  if (!dryRun && options.compress !== false) {
    for (const name of new Set([...modified, ...written])) {
      if (isCompressible(name)) precompress(storage.path(name));
    }
  }
  const count = modified.length;
  const summary =
    `${count} static file${count === 1 ? '' : 's'} copied to '${destination}'` +
    (unmodified.length > 0 ? `, ${unmodified.length} unmodified` : '') +
    (postProcessed.length > 0 ? `, ${postProcessed.length} post-processed` : '') +
    '.';
  if (verbosity >= 1) options.log?.(`\n${summary}`);
  return { modified, unmodified, postProcessed, summary };
}

async function readFileAsync(path: string): Promise<Buffer> {
  const { readFile } = await import('node:fs/promises');
  return readFile(path);
}

function clearDir(
  staticfiles: Staticfiles,
  path: string,
  dryRun: boolean,
  log: (message: string, level?: number) => void,
): void {
  const storage = staticfiles.storage;
  if (!storage.exists(path)) return;
  const [dirs, files] = storage.listdir(path);
  for (const file of files) {
    const name = path === '' ? file : `${path}/${file}`;
    if (dryRun) log(`Pretending to delete '${name}'`, 1);
    else {
      log(`Deleting '${name}'`, 1);
      storage.delete(name);
    }
  }
  for (const dir of dirs) clearDir(staticfiles, path === '' ? dir : `${path}/${dir}`, dryRun, log);
}
