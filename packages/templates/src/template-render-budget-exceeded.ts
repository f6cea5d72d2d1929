/**
 * The error raised when a render goes over the engine's `renderBudget`
 * (`TemplateRenderBudgetExceeded`): too many steps (loop iterations, includes, `{% lorem %}`
 * units) or too much output. It bounds what one template render may cost, whatever the context.
 *
 * @module
 */

const BRAND = Symbol.for('reins.TemplateRenderBudgetExceeded');

/** Which limit of `renderBudget` a render went over. */
export type RenderBudgetLimit = 'maxSteps' | 'maxOutputLength';

const WHAT: Record<RenderBudgetLimit, string> = {
  maxSteps: 'steps (loop iterations, includes and {% lorem %} words or paragraphs)',
  maxOutputLength: 'characters of output',
};

/**
 * A render went over the engine's `renderBudget`; `limit` names the option, `max` its value and
 * `templateName` the template being rendered when it did.
 *
 * @example
 * const engine = new Engine({ renderBudget: { maxSteps: 1000 } });
 * engine.fromString('{% for a in xs %}{% for b in xs %}.{% endfor %}{% endfor %}')
 *   .render({ xs: Array.from({ length: 100 }) }); // throws TemplateRenderBudgetExceeded
 */
export class TemplateRenderBudgetExceeded extends Error {
  readonly [BRAND] = true;
  /** Stable code for programmatic checks. */
  readonly code = 'templates.render_budget_exceeded';
  /** The template being rendered when the budget ran out. */
  readonly templateName: string;
  /** The `renderBudget` option that was exceeded. */
  readonly limit: RenderBudgetLimit;
  /** Its value. */
  readonly max: number;

  constructor(templateName: string, limit: RenderBudgetLimit, max: number) {
    super(
      `Rendering template '${templateName}' went over the render budget: more than ` +
        `${max.toLocaleString('en-US')} ${WHAT[limit]} (engine option renderBudget.${limit}). ` +
        `Render less (paginate, or bound the loop), or raise renderBudget.${limit} in the engine options ` +
        `(with createApp: templates[].options.renderBudget).`,
    );
    this.name = 'TemplateRenderBudgetExceeded';
    this.templateName = templateName;
    this.limit = limit;
    this.max = max;
  }

  /** Recognise a TemplateRenderBudgetExceeded from any copy of this package. */
  static isInstance(value: unknown): value is TemplateRenderBudgetExceeded {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }
}
