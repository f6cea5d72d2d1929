/**
 * Where `render()`, `TemplateResponse` and the class-based views find their template engines:
 * one process-wide `Templates` (set once by `createApp`, or by you), overridable per call. The
 * shape is structural, so any object with `getTemplate`/`selectTemplate` works.
 *
 * @module
 */

/**
 * A template ready to render, as a `@reins/templates` backend (or any engine adapter) gives it.
 *
 * @example
 * const template: RenderableTemplate = { render: (context) => `Hello ${String(context?.['name'])}` };
 */
export interface RenderableTemplate {
  render(
    context?: Record<string, unknown>,
    request?: unknown,
    options?: TemplateRenderOptions,
  ): string | PromiseLike<string>;
  /** Rendering that awaits promises in the context (used when the context holds any). */
  renderAsync?(
    context?: Record<string, unknown>,
    request?: unknown,
    options?: TemplateRenderOptions,
  ): PromiseLike<string>;
  readonly name?: string | null | undefined;
}

/**
 * The `reverse` a template's `{% url %}` calls.
 *
 * @example
 * const reverseForUrlTag: TemplateReverse = (name, { args, kwargs }) => resolver.reverse(name, { args, kwargs });
 */
export type TemplateReverse = (
  viewName: string,
  options: { args?: unknown[]; kwargs?: Record<string, unknown>; currentApp?: string | null },
) => string;

/**
 * Per-render options a template accepts (`@reins/templates`' `RenderOptions`).
 *
 * @example
 * template.render(context, request, { reverse: reverseForUrlTag });
 */
export interface TemplateRenderOptions {
  reverse?: TemplateReverse;
}

/**
 * Options naming the engine to use (Django's `using`: an engine alias).
 *
 * @example
 * getTemplates().getTemplate('a.html', { using: 'nunjucks' });
 */
export interface UsingOptions {
  using?: string | undefined;
}

/**
 * The template engines: `createTemplates()` of `@reins/templates`, or anything shaped like it.
 *
 * @example
 * setTemplates(createTemplates([{ backend: 'reins', dirs: ['templates'] }]));
 */
export interface TemplateEngines {
  getTemplate(
    name: string,
    options?: UsingOptions,
  ): RenderableTemplate | PromiseLike<RenderableTemplate>;
  selectTemplate(
    names: readonly string[],
    options?: UsingOptions,
  ): RenderableTemplate | PromiseLike<RenderableTemplate>;
}

let current: TemplateEngines | null = null;

/**
 * Set the process-wide template engines used by `render()` and `TemplateResponse` (`createApp`
 * does this at start-up); `null` unsets them.
 *
 * @example
 * setTemplates(createTemplates([{ backend: 'reins', appDirs: true }]));
 */
export function setTemplates(templates: TemplateEngines | null): void {
  current = templates;
}

/**
 * The process-wide template engines.
 *
 * @throws Error when none were set, saying how to set them.
 * @example
 * const template = await getTemplates().getTemplate('polls/index.html');
 */
export function getTemplates(): TemplateEngines {
  if (current === null) {
    throw new Error(
      'No template engines are configured: call setTemplates(createTemplates([...])) at start-up ' +
        "(createApp does it from the 'templates' setting), or pass { templates } to render().",
    );
  }
  return current;
}

/**
 * Load `template` (a name, a list of names to try in order, or a template object); synchronous
 * when the engine is.
 */
export function resolveTemplate(
  template: string | readonly string[] | RenderableTemplate,
  options: UsingOptions & { templates?: TemplateEngines | undefined } = {},
): RenderableTemplate | PromiseLike<RenderableTemplate> {
  if (
    typeof template === 'object' &&
    !Array.isArray(template) &&
    typeof (template as RenderableTemplate).render === 'function'
  ) {
    return template as RenderableTemplate;
  }
  const engines = options.templates ?? getTemplates();
  const using = options.using === undefined ? undefined : { using: options.using };
  if (typeof template === 'string') return engines.getTemplate(template, using);
  return engines.selectTemplate(template as readonly string[], using);
}
