/**
 * The built-in backend of `createTemplates` (`reinsBackend`): an `Engine` whose templates render
 * asynchronously, with the CSRF token the middleware stored on the request added to the context
 * (what Django's always-on CSRF context processor does).
 *
 * @module
 */
import { CSRF_TOKEN } from '@reins/core';
import { Engine, type ContextProcessor, type EngineOptions } from '../engine.js';
import type { Template } from '../template.js';
import type {
  BackendTemplate,
  TemplateBackend,
  TemplateBackendConfig,
} from '../template-backend.js';

/** Django's csrf context processor, reading what the CSRF middleware stored on the request. */
const csrfProcessor: ContextProcessor = (request) => {
  const state = (request as { state?: Record<string | symbol, unknown> } | null)?.state;
  const token = state?.[CSRF_TOKEN];
  return token === undefined ? {} : { csrf_token: token };
};

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
    contextProcessors: [csrfProcessor, ...(options.contextProcessors ?? [])],
  });
  return {
    name: config.name,
    engine,
    getTemplate: (name) => wrap(engine.getTemplate(name), config.name),
    fromString: (source) => wrap(engine.fromString(source), config.name),
  };
}
