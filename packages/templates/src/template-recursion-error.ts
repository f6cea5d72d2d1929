/**
 * The error raised when includes (or inclusion tags) nest deeper than the engine's `maxDepth`,
 * which is how an include loop shows up (`TemplateRecursionError`).
 *
 * @module
 */

const BRAND = Symbol.for('reins.TemplateRecursionError');

/**
 * Templates included each other more than `maxDepth` times; `chain` lists the names, outermost
 * first, so the loop is visible.
 *
 * @example
 * // a.html: {% include "a.html" %}
 * engine.getTemplate('a.html').render(); // throws TemplateRecursionError
 */
export class TemplateRecursionError extends Error {
  readonly [BRAND] = true;
  /** Stable code for programmatic checks. */
  readonly code = 'templates.template_recursion';
  /** Template names from the outermost render to the one that went too deep. */
  readonly chain: string[];

  constructor(chain: string[], maxDepth: number) {
    const shown = chain.length > 12 ? [...chain.slice(0, 6), '…', ...chain.slice(-5)] : chain;
    super(
      `Templates are nested more than ${String(maxDepth)} levels deep: ${shown.join(' → ')}. ` +
        'An include or inclusion tag probably includes itself; add a condition that stops the recursion or raise the engine option maxDepth.',
    );
    this.name = 'TemplateRecursionError';
    this.chain = chain;
  }

  /** Recognise a TemplateRecursionError from any copy of this package. */
  static isInstance(value: unknown): value is TemplateRecursionError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }
}
