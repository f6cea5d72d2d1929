/**
 * Loads templates from each application's `templates/` folder (`AppDirectoriesLoader`, Django's
 * `app_directories.Loader`), in the order the applications are listed; symlinks and filesystem
 * errors are handled as {@link FileSystemLoader} handles them.
 *
 * @module
 */
import { join } from 'node:path';
import { FileSystemLoader, type FileSystemLoaderOptions } from './file-system-loader.js';

/**
 * Templates from `<app>/templates/` for each application directory.
 *
 * @example
 * const engine = new Engine({ loaders: [new AppDirectoriesLoader(['src/polls', 'src/blog'])] });
 */
export class AppDirectoriesLoader extends FileSystemLoader {
  constructor(
    appDirs: readonly string[],
    folder = 'templates',
    options: FileSystemLoaderOptions = {},
  ) {
    super(
      appDirs.map((dir) => join(dir, folder)),
      options,
    );
  }
}
