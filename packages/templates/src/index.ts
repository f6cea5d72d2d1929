export { conditionalEscape, escape, isSafe, markSafe, SafeString } from '@reins/core';
/**
 * @reins/templates — the Django template language for TypeScript, compiled to JavaScript
 * functions: lexer → parser → compiler (`new Function` over the parse tree) → render. Engines,
 * loaders, custom tag libraries, and several engines side by side with `createTemplates`.
 *
 * @example
 * import { Engine } from '@reins/templates';
 * const engine = new Engine({ templates: { 'hi.html': 'Hi {{ name|upper }}!' } });
 * engine.getTemplate('hi.html').render({ name: 'ann' }); // 'Hi ANN!'
 *
 * @module
 */
export { AppDirectoriesLoader } from './app-directories-loader.js';
export { Engine } from './engine.js';
export type { ContextProcessor, EngineOptions, ReverseFunction } from './engine.js';
export { FileSystemLoader } from './file-system-loader.js';
export type { FileSystemLoaderOptions } from './file-system-loader.js';
export type { FilterContext, FilterSpec } from './filters/filter-spec.js';
export { builtinFilters } from './filters/index.js';
export { stringFilter } from './filters/string-filter.js';
export { Library } from './library.js';
export type { FilterOptions, TagContext, TagOptions } from './library.js';
export type {
  TagCompileFunction,
  TagExpression,
  TagNode,
  TagNodeList,
  TagParser,
  TagRenderContext,
  TagToken,
} from './tag-definition.js';
export type { Loader, TemplateOrigin } from './loader.js';
export { LocmemLoader } from './locmem-loader.js';
export { Template } from './template.js';
export type { RenderOptions } from './template.js';
export { TemplateDoesNotExist } from './template-does-not-exist.js';
export { TemplateRecursionError } from './template-recursion-error.js';
export type { RenderBudget } from './render-budget.js';
export { TemplateRenderBudgetExceeded } from './template-render-budget-exceeded.js';
export type { RenderBudgetLimit } from './template-render-budget-exceeded.js';
export { onTemplateRendered } from './template-rendered.js';
export type { TemplateRenderedEvent } from './template-rendered.js';
export { TemplateSyntaxError } from './template-syntax-error.js';
export type { TemplateErrorLocation } from './template-syntax-error.js';
export { VariableDoesNotExist } from './variable-does-not-exist.js';
export { createTemplates } from './create-templates.js';
export type { TemplateEngineConfig, Templates, UsingOption } from './create-templates.js';
export type {
  BackendTemplate,
  TemplateBackend,
  TemplateBackendConfig,
  TemplateBackendFactory,
} from './template-backend.js';
export { declareSync } from './template-backend.js';
