/**
 * Where `render()`, `TemplateResponse` and the class-based views find their template engines: the
 * engines of the application serving the request (`request.app.templates`), else the standalone
 * ones set with `setTemplates()` for code outside any application; overridable per call. The shape
 * is structural, so any object with `getTemplate`/`selectTemplate` works.
 *
 * @module
 */
import { getCurrentRequest } from '@reins/http';
import type { HttpRequest } from '@reins/http';

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

let standalone: TemplateEngines | null = null;

/**
 * Set the standalone template engines: the ones `render()` and `TemplateResponse` use for a
 * request no application serves (scripts, unit tests); `null` unsets them. An application's
 * requests always use that application's engines (`request.app.templates`, set by `createApp`),
 * so two applications in one process never share these.
 *
 * @example
 * setTemplates(createTemplates([{ backend: 'reins', appDirs: true }]));
 */
export function setTemplates(templates: TemplateEngines | null): void {
  standalone = templates;
}

/**
 * The template engines for `request` (by default the current one): the engines of the
 * application serving it, else the standalone ones of {@link setTemplates}.
 *
 * @throws Error when there are none, saying how to configure them.
 * @example
 * const template = await getTemplates(request).getTemplate('polls/index.html');
 */
export function getTemplates(
  request: HttpRequest | null | undefined = getCurrentRequest(),
): TemplateEngines {
  const engines = (request?.app?.templates as TemplateEngines | null | undefined) ?? standalone;
  if (engines == null) {
    throw new Error(
      "No template engines are configured: set the 'templates' setting of createApp(), " +
        'or for code outside an application call setTemplates(createTemplates([...])), ' +
        'or pass { templates } to render().',
    );
  }
  return engines;
}

/**
 * Load `template` (a name, a list of names to try in order, or a template object) with the
 * engines of `options.templates`, else of `request`'s application; synchronous when the engine is.
 */
export function resolveTemplate(
  template: string | readonly string[] | RenderableTemplate,
  options: UsingOptions & { templates?: TemplateEngines | undefined } = {},
  request?: HttpRequest | null,
): RenderableTemplate | PromiseLike<RenderableTemplate> {
  if (
    typeof template === 'object' &&
    !Array.isArray(template) &&
    typeof (template as RenderableTemplate).render === 'function'
  ) {
    return template as RenderableTemplate;
  }
  const engines = options.templates ?? getTemplates(request ?? getCurrentRequest());
  const using = options.using === undefined ? undefined : { using: options.using };
  if (typeof template === 'string') return engines.getTemplate(template, using);
  return engines.selectTemplate(template as readonly string[], using);
}
