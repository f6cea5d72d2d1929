/**
 * `reins findstatic <path>…` (Django's command): where each name is found, first match or all.
 */
import type { Staticfiles } from './define-staticfiles.js';

/** Options of {@link findstatic}. */
export interface FindstaticOptions {
  /** Only the first match (`--first`). */
  first?: boolean;
  /** 0 paths only, 1 Django's sentences (default), 2 also the searched locations. */
  verbosity?: number;
}

/**
 * Django's findstatic output lines for each path, and whether all were found.
 *
 * @example
 * findstatic(staticfiles, ['css/site.css']).lines; // ["Found 'css/site.css' here:", '  /app/static/css/site.css']
 */
export function findstatic(
  staticfiles: Staticfiles,
  paths: readonly string[],
  options: FindstaticOptions = {},
): { lines: string[]; errors: string[] } {
  const verbosity = options.verbosity ?? 1;
  const lines: string[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    const result =
      options.first === true
        ? [staticfiles.find(path)].filter((x) => x !== null)
        : staticfiles.findAll(path);
    const searched =
      verbosity >= 2
        ? [
            '\nLooking in the following locations:',
            ...staticfiles.finders.flatMap((finder) =>
              finder.searchedLocations.map((l) => `  ${l}`),
            ),
          ]
        : [];
    if (result.length > 0) {
      if (verbosity >= 1)
        lines.push(`Found '${path}' here:`, ...result.map((file) => `  ${file}`), ...searched);
      else lines.push(...result);
    } else {
      if (verbosity >= 1) errors.push(`No matching file found for '${path}'.`, ...searched);
    }
  }
  return { lines, errors };
}
