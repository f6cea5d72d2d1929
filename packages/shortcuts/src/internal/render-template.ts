/**
 * Renders a loaded template for `render()` and `TemplateResponse`: synchronously when the context
 * holds no promise (the fast path), with `renderAsync()` otherwise; and, unless the template's
 * engine was given its own `reverse`, with a `{% url %}` reverse bound to the request's resolver
 * and application namespace, so templates reverse exactly as views do.
 */
import { isThenable } from '@reins/core';
import type { HttpRequest } from '@reins/http';
import { getUrlconf, reverse } from '../reverse.js';
import type {
  RenderableTemplate,
  TemplateRenderOptions,
  TemplateReverse,
} from '../templates-registry.js';

function isThenableOrAsyncIterable(value: unknown): boolean {
  if (typeof value !== 'object' && typeof value !== 'function') return false;
  if (value === null) return false;
  return (
    typeof (value as { then?: unknown }).then === 'function' ||
    typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function'
  );
}

function engineHasReverse(template: RenderableTemplate): boolean {
  const engine = (template as { engine?: { reverse?: unknown } }).engine;
  // This package's own reverse() (what createApp gives engines) reverses with whatever request is
  // current; the request being rendered is the better answer, even after an await lost the context.
  return typeof engine?.reverse === 'function' && engine.reverse !== reverse;
}

function templateReverse(request: HttpRequest | null): TemplateReverse {
  return (viewName, options) => {
    const urlconf = getUrlconf(request ?? undefined) ?? undefined;
    return reverse(viewName, {
      args: options.args,
      kwargs: options.kwargs,
      urlconf,
      currentApp:
        options.currentApp !== undefined
          ? options.currentApp
          : (request?.currentApp ?? (request?.resolverMatch?.namespace || null)),
    });
  };
}

/**
 * Render `template` with `context` for `request`: a string when the template renders
 * synchronously (no promise in the context), a promise otherwise.
 */
export function renderTemplate(
  template: RenderableTemplate,
  context: Record<string, unknown>,
  request: HttpRequest | null,
): string | PromiseLike<string> {
  const options: TemplateRenderOptions | undefined = engineHasReverse(template)
    ? undefined
    : { reverse: templateReverse(request) };
  const requestArg = request ?? undefined;
  if (template.renderAsync) {
    for (const key in context) {
      if (isThenableOrAsyncIterable(context[key]))
        return template.renderAsync(context, requestArg, options);
    }
  }
  try {
    return template.render(context, requestArg, options);
  } catch (error) {
    // A promise deeper in the context, or an async context processor: render asynchronously.
    if (
      template.renderAsync &&
      (error as { code?: unknown } | null)?.code === 'templates.async_context'
    ) {
      return template.renderAsync(context, requestArg, options);
    }
    throw error;
  }
}

/** Load `template` and render it: synchronous whenever both steps are. */
export function loadAndRender(
  load: RenderableTemplate | PromiseLike<RenderableTemplate>,
  context: Record<string, unknown>,
  request: HttpRequest | null,
): string | PromiseLike<string> {
  if (isThenable(load))
    return Promise.resolve(load).then((template) => renderTemplate(template, context, request));
  return renderTemplate(load, context, request);
}
