/**
 * Several template engines side by side (`createTemplates`), Django's `TEMPLATES` setting:
 * `getTemplate` and `selectTemplate` search the engines in order, `renderToString` renders with
 * the request's context processors. Backends: `'reins'` (this package's engine), `'nunjucks'`
 * (loaded only when configured), or any `TemplateBackendFactory`.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { createNunjucksBackend, type NunjucksModule } from './internal/nunjucks-backend.js';
import { reinsBackend } from './internal/reins-backend.js';
import type {
  BackendTemplate,
  TemplateBackend,
  TemplateBackendFactory,
} from './template-backend.js';
import { TemplateDoesNotExist } from './template-does-not-exist.js';

/** One engine of the configuration (Django's `{BACKEND, NAME, DIRS, APP_DIRS, OPTIONS}`). */
export interface TemplateEngineConfig {
  /** `'reins'`, `'nunjucks'`, or a backend factory. */
  backend: 'reins' | 'nunjucks' | TemplateBackendFactory;
  /** The engine's alias (default: `'reins'`, `'nunjucks'`, or the factory's `backendName`). */
  name?: string;
  /** Template directories. */
  dirs?: string[];
  /** Application directories (their `templates/` folders are searched). */
  appDirs?: string[];
  /** Backend options (`EngineOptions` for reins). */
  options?: Record<string, unknown>;
}

/** Which engine to use (`using` in Django). */
export interface UsingOption {
  using?: string;
}

/** The configured engines. */
export interface Templates {
  /** Engines by alias, in configuration order. */
  readonly engines: ReadonlyMap<string, TemplateBackend>;
  /** The first engine that has `name`. */
  getTemplate(name: string, options?: UsingOption): BackendTemplate;
  /** The first of `names` any engine has (names tried in order, each across all engines). */
  selectTemplate(names: readonly string[], options?: UsingOption): BackendTemplate;
  /** Load (by name or first of names) and render. */
  renderToString(
    name: string | readonly string[],
    context?: Record<string, unknown>,
    request?: unknown,
    options?: UsingOption,
  ): Promise<string>;
}

function loadNunjucks(): NunjucksModule {
  // Resolved only when a 'nunjucks' engine is configured: nunjucks is an optional peer.
  // CJS builds have __filename; ESM builds have import.meta.url (esbuild empties it in CJS).
  const base = typeof __filename === 'string' ? __filename : import.meta.url;
  const load = createRequire(base);
  try {
    return load('nunjucks') as NunjucksModule;
  } catch (error) {
    throw new Error(
      "The 'nunjucks' template backend needs the nunjucks package: install it (npm install nunjucks), " +
        "or use `backend: nunjucksBackend` from '@reins/templates/nunjucks'.",
      { cause: error },
    );
  }
}

function factoryFor(backend: TemplateEngineConfig['backend']): {
  factory: TemplateBackendFactory;
  alias: string;
} {
  if (backend === 'reins') return { factory: reinsBackend, alias: 'reins' };
  if (backend === 'nunjucks') {
    return {
      factory: (config) => createNunjucksBackend(loadNunjucks(), config),
      alias: 'nunjucks',
    };
  }
  if (typeof backend === 'function')
    return { factory: backend, alias: backend.backendName ?? (backend.name || 'custom') };
  throw new Error(
    `Invalid backend for a template engine: ${JSON.stringify(backend)}. Use 'reins', 'nunjucks' or a backend factory.`,
  );
}

/**
 * Configure template engines, searched in order.
 *
 * @example
 * const templates = createTemplates([
 *   { backend: 'reins', dirs: ['templates'], options: { contextProcessors: [(r) => ({ user: null })] } },
 *   { backend: 'nunjucks', dirs: ['views'] },
 * ]);
 * await templates.renderToString('home.html', { title: 'Home' }, request);
 */
export function createTemplates(configs: readonly TemplateEngineConfig[]): Templates {
  const engines = new Map<string, TemplateBackend>();
  const duplicates: string[] = [];
  for (const config of configs) {
    const known = new Set(['backend', 'name', 'dirs', 'appDirs', 'options']);
    const unknown = Object.keys(config).filter((key) => !known.has(key));
    if (unknown.length > 0) {
      throw new Error(
        `Unknown parameters in a template engine configuration: ${unknown.join(', ')}.`,
      );
    }
    const { factory, alias } = factoryFor(config.backend);
    const name = config.name ?? alias;
    if (engines.has(name)) duplicates.push(name);
    engines.set(
      name,
      factory({
        name,
        dirs: config.dirs ?? [],
        appDirs: config.appDirs ?? [],
        options: config.options ?? {},
      }),
    );
  }
  if (duplicates.length > 0) {
    throw new Error(
      `Template engine aliases aren't unique, duplicates: ${duplicates.join(', ')}. Set a unique name for each engine.`,
    );
  }
  // Every engine in order, listed once: copying the map's values on each getTemplate() was a
  // measurable part of a page's render on Bun.
  const all: readonly TemplateBackend[] = Array.from(engines.values());
  const pick = (using: string | undefined): readonly TemplateBackend[] => {
    if (using === undefined) return all;
    const engine = engines.get(using);
    if (engine === undefined) {
      throw new Error(
        `No template engine named '${using}'. Configured engines: ${Array.from(engines.keys()).join(', ') || '(none)'}.`,
      );
    }
    return [engine];
  };
  const getTemplate = (name: string, options?: UsingOption): BackendTemplate => {
    let tried: string[] | undefined;
    for (const engine of pick(options?.using)) {
      try {
        return engine.getTemplate(name);
      } catch (error) {
        if (!TemplateDoesNotExist.isInstance(error)) throw error;
        (tried ??= []).push(...error.tried.map((entry) => `${engine.name}: ${entry}`));
      }
    }
    throw new TemplateDoesNotExist(name, tried ?? []);
  };
  const selectTemplate = (names: readonly string[], options: UsingOption = {}): BackendTemplate => {
    if (typeof names === 'string') {
      throw new TypeError(
        `selectTemplate() takes an array of template names but got a string: '${String(names)}'. Use getTemplate() to load a single template by name.`,
      );
    }
    if (names.length === 0) throw new TemplateDoesNotExist('No template names provided');
    const tried: string[] = [];
    for (const name of names) {
      try {
        return getTemplate(name, options);
      } catch (error) {
        if (!TemplateDoesNotExist.isInstance(error)) throw error;
        tried.push(...error.tried);
      }
    }
    throw new TemplateDoesNotExist(names.join(', '), tried);
  };
  return {
    engines,
    getTemplate,
    selectTemplate,
    async renderToString(name, context = {}, request, options = {}) {
      const template =
        typeof name === 'string' ? getTemplate(name, options) : selectTemplate(name, options);
      return template.render(context, request);
    },
  };
}
