/**
 * Where template sources come from (`Loader`): each loader lists the candidate origins for a name
 * and reads one. The engine tries its loaders in order and reports every origin it tried.
 *
 * @module
 */

/** One place a template may come from. */
export interface TemplateOrigin {
  /** Unique name of the source: an absolute file path, or `locmem:<name>`. */
  readonly name: string;
  /** The name the template was asked for. */
  readonly templateName: string;
  /** The loader that produced this origin. */
  readonly loader: Loader;
}

/**
 * A template source. Implement it to load templates from anywhere (a database, a bundle…).
 *
 * @example
 * const loader: Loader = {
 *   getTemplateSources: (templateName) => [{ name: `db:${templateName}`, templateName, loader }],
 *   getContents: (origin) => db.get(origin.templateName),
 * };
 */
export interface Loader {
  /** Every origin that could hold `templateName`, in search order. */
  getTemplateSources(templateName: string): TemplateOrigin[];
  /** The source text, or `undefined` when the origin does not exist. */
  getContents(origin: TemplateOrigin): string | undefined;
  /** Why `getContents` answered `undefined` (default: `Source does not exist`). */
  missingReason?(origin: TemplateOrigin): string | undefined;
  /** A change stamp (file mtime) used to invalidate cached templates in debug mode. */
  getStamp?(origin: TemplateOrigin): number | undefined;
}
