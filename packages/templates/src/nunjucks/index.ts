/**
 * `@reins/templates/nunjucks` — a Nunjucks backend for `createTemplates`, proving the engine
 * contract holds for a second template language. Importing `@reins/templates` alone never loads
 * nunjucks (an optional peer dependency).
 *
 * @example
 * import { createTemplates } from '@reins/templates';
 * import { nunjucksBackend } from '@reins/templates/nunjucks';
 * const templates = createTemplates([{ backend: nunjucksBackend, dirs: ['views'] }]);
 * await templates.renderToString('page.njk', { title: 'Hi' });
 *
 * @module
 */
import nunjucks from 'nunjucks';
import { createNunjucksBackend, type NunjucksModule } from '../internal/nunjucks-backend.js';
import type { TemplateBackendFactory } from '../template-backend.js';

export type { NunjucksBackendOptions } from '../internal/nunjucks-backend.js';

/**
 * The Nunjucks backend factory; its default alias is `nunjucks`.
 *
 * @example
 * createTemplates([{ backend: nunjucksBackend, dirs: ['views'], options: { autoescape: true } }]);
 */
export const nunjucksBackend: TemplateBackendFactory = Object.assign(
  (config: Parameters<TemplateBackendFactory>[0]) =>
    createNunjucksBackend(nunjucks as unknown as NunjucksModule, config),
  { backendName: 'nunjucks' },
);
