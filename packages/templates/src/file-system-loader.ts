/**
 * Loads templates from directories (`FileSystemLoader`, Django's `filesystem.Loader`); names that
 * would escape a directory (`../secret`) are skipped, not read.
 *
 * @module
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Loader, TemplateOrigin } from './loader.js';

/**
 * Templates from directories, searched in order.
 *
 * @example
 * const engine = new Engine({ loaders: [new FileSystemLoader(['templates'])] });
 */
export class FileSystemLoader implements Loader {
  /** The absolute directories searched. */
  readonly dirs: string[];

  constructor(dirs: readonly string[]) {
    this.dirs = dirs.map((dir) => resolve(dir));
  }

  getTemplateSources(templateName: string): TemplateOrigin[] {
    const origins: TemplateOrigin[] = [];
    for (const dir of this.dirs) {
      const path = resolve(dir, templateName);
      // Django's safe_join: a name resolving outside the directory is not a candidate.
      if (!path.startsWith(dir.endsWith(sep) ? dir : dir + sep)) continue;
      origins.push({ name: path, templateName, loader: this });
    }
    return origins;
  }

  getContents(origin: TemplateOrigin): string | undefined {
    try {
      return readFileSync(origin.name, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  }

  getStamp(origin: TemplateOrigin): number | undefined {
    try {
      return statSync(origin.name).mtimeMs;
    } catch {
      return undefined;
    }
  }
}
