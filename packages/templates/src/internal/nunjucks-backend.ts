/**
 * The Nunjucks adapter (`createNunjucksBackend`), written against the module object so that this
 * file never imports nunjucks itself: the `@reins/templates/nunjucks` entry passes its static
 * import, and `backend: 'nunjucks'` loads the optional peer dependency only when configured.
 *
 * @module
 */
import { join } from 'node:path';
import { TemplateDoesNotExist } from '../template-does-not-exist.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type {
  BackendTemplate,
  TemplateBackend,
  TemplateBackendConfig,
} from '../template-backend.js';

/** The part of the nunjucks module the adapter uses. */
export interface NunjucksModule {
  Environment: new (loader: unknown, options?: Record<string, unknown>) => NunjucksEnvironment;
  FileSystemLoader: new (searchPaths: string[], options?: Record<string, unknown>) => unknown;
  Template: new (source: string, env: NunjucksEnvironment) => NunjucksTemplate;
}

interface NunjucksEnvironment {
  getTemplate(name: string, eagerCompile: boolean): NunjucksTemplate;
}

interface NunjucksTemplate {
  path?: string;
  render(context: object, callback: (error: Error | null, result: string | null) => void): void;
}

/** Options for the Nunjucks backend (`options` in the configuration entry). */
export interface NunjucksBackendOptions {
  /** Autoescape (default true, as in reins). */
  autoescape?: boolean;
  /** Reload templates when they change (development). */
  watch?: boolean;
  /** Do not cache compiled templates. */
  noCache?: boolean;
  /** Context processors, as for the reins backend. */
  contextProcessors?: ((
    request: unknown,
  ) => Record<string, unknown> | Promise<Record<string, unknown>>)[];
  /** Any other nunjucks Environment option. */
  [option: string]: unknown;
}

/** Create a Nunjucks backend using the given nunjucks module. */
export function createNunjucksBackend(
  nunjucks: NunjucksModule,
  config: TemplateBackendConfig,
): TemplateBackend {
  const {
    contextProcessors = [],
    watch,
    noCache,
    ...envOptions
  } = config.options as NunjucksBackendOptions;
  const searchPaths = [...config.dirs, ...config.appDirs.map((dir) => join(dir, 'templates'))];
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(searchPaths, {
      watch: watch ?? false,
      noCache: noCache ?? false,
    }),
    { autoescape: true, ...envOptions },
  );
  const wrap = (template: NunjucksTemplate, name: string): BackendTemplate => ({
    name,
    origin: template.path,
    backend: config.name,
    async render(context = {}, request) {
      const extra: Record<string, unknown> = {};
      if (request !== undefined) {
        for (const processor of contextProcessors) Object.assign(extra, await processor(request));
        extra['request'] = request;
      }
      return new Promise<string>((resolve, reject) => {
        template.render({ ...extra, ...context }, (error, result) => {
          if (error) reject(error);
          else resolve(result ?? '');
        });
      });
    },
  });
  return {
    name: config.name,
    getTemplate(name) {
      let template: NunjucksTemplate;
      try {
        template = env.getTemplate(name, true);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/template not found/i.test(message)) {
          throw new TemplateDoesNotExist(
            name,
            searchPaths.map((dir) => `${join(dir, name)} (Source does not exist)`),
          );
        }
        throw new TemplateSyntaxError(message);
      }
      return wrap(template, name);
    },
    fromString(source) {
      return wrap(new nunjucks.Template(source, env), '<string>');
    },
  };
}
