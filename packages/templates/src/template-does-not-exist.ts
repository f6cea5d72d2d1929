/**
 * The error raised when no loader of any engine can find a template (`TemplateDoesNotExist`), with
 * every place that was tried.
 *
 * @module
 */

const BRAND = Symbol.for('reins.TemplateDoesNotExist');

/**
 * No loader found the template. `tried` lists every path (or loader entry) that was looked at,
 * with the reason it did not match (`Source does not exist`, `Skipped to avoid recursion`).
 *
 * @example
 * try { engine.getTemplate('nope.html') } catch (error) {
 *   if (TemplateDoesNotExist.isInstance(error)) console.log(error.tried);
 * }
 */
export class TemplateDoesNotExist extends Error {
  readonly [BRAND] = true;
  /** Stable code for programmatic checks. */
  readonly code = 'templates.template_does_not_exist';
  /** The name (or names, joined with `, `) that was looked up. */
  readonly templateName: string;
  /** Every location tried, as `'<path or origin> (<reason>)'`. */
  readonly tried: string[];

  constructor(templateName: string, tried: string[] = []) {
    const list =
      tried.length > 0 ? ` Tried:\n${tried.map((entry) => `  - ${entry}`).join('\n')}` : '';
    super(
      `Template '${templateName}' does not exist. Check the name and the engine's dirs, appDirs or templates option.${list}`,
    );
    this.name = 'TemplateDoesNotExist';
    this.templateName = templateName;
    this.tried = tried;
  }

  /** Recognise a TemplateDoesNotExist from any copy of this package. */
  static isInstance(value: unknown): value is TemplateDoesNotExist {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }
}
