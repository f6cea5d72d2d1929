/**
 * The built-in backend of `createTemplates` (`reinsBackend`): an `Engine` whose templates render
 * asynchronously. It adds no context processor of its own: `{{ csrf_token }}` comes from the one
 * CSRF context processor, `csrfContextProcessor` of `@reins/middleware`, which `createApp` puts
 * first in every reins engine (Django's always-on `csrf` processor) — it reads the token lazily
 * and marks the cookie as used, as Django's does.
 *
 * @module
 */
import { Engine, type EngineOptions } from '../engine.js';
import type { Template } from '../template.js';
import type {
  BackendTemplate,
  TemplateBackend,
  TemplateBackendConfig,
} from '../template-backend.js';

function wrap(template: Template, backend: string): BackendTemplate {
  return {
    name: template.name,
    origin: template.origin?.name,
    backend,
    template,
    render: (context, request, renderOptions) =>
      template.renderAsync(context ?? {}, request, renderOptions),
  } as BackendTemplate;
}

/** Create the reins backend from one configuration entry. */
export function reinsBackend(config: TemplateBackendConfig): TemplateBackend & { engine: Engine } {
  const options = config.options as EngineOptions;
  const engine = new Engine({
    ...options,
    ...(options.loaders === undefined ? { dirs: config.dirs, appDirs: config.appDirs } : {}),
  });
  return {
    name: config.name,
    engine,
    getTemplate: (name) => wrap(engine.getTemplate(name), config.name),
    fromString: (source) => wrap(engine.fromString(source), config.name),
  };
}
