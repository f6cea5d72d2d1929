/**
 * The engine option `renderBudget` (`RenderBudget`): what one render may cost.
 *
 * @module
 */

/**
 * Limits of one render, each optional (unlimited when absent); going over one throws
 * `TemplateRenderBudgetExceeded`.
 *
 * @example
 * const engine = new Engine({ renderBudget: { maxSteps: 10_000_000, maxOutputLength: 10_000_000 } });
 */
export interface RenderBudget {
  /** Loop iterations, includes and `{% lorem %}` words or paragraphs, all templates together. */
  maxSteps?: number;
  /** Characters (UTF-16 code units, `string.length`) of output. */
  maxOutputLength?: number;
}
