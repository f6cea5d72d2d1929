/**
 * The template engine (`Engine`): options, loaders, a cache of compiled templates, libraries of
 * custom tags and filters, and context processors. One engine is Django's `DjangoTemplates` backend.
 *
 * @module
 */
import { AppDirectoriesLoader } from './app-directories-loader.js';
import { FileSystemLoader } from './file-system-loader.js';
import type { Context } from './internal/context.js';
import type { RuntimeEngine, RuntimeTemplate } from './internal/runtime.js';
import { validateRenderBudget } from './internal/runtime/render-budget.js';
import type { RenderBudget } from './render-budget.js';
import type { Library } from './library.js';
import type { Loader, TemplateOrigin } from './loader.js';
import { LocmemLoader } from './locmem-loader.js';
import { Template } from './template.js';
import { TemplateDoesNotExist } from './template-does-not-exist.js';
import { emitTemplateRendered, hasTemplateRenderedListeners } from './template-rendered.js';

/**
 * What `{% url %}` calls: `@reins/urls`' `resolver.reverse` fits. It throws an error named
 * `NoReverseMatch` when nothing matches.
 *
 * @example
 * const reverse: ReverseFunction = (name, { args = [], kwargs = {} }) => resolver.reverse(name, { args, kwargs });
 */
export type ReverseFunction = (
  viewName: string,
  options: { args?: unknown[]; kwargs?: Record<string, unknown>; currentApp?: string | null },
) => string;

/** A function of the request returning variables for every template rendered with that request. */
export type ContextProcessor = (
  request: unknown,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** Options of `new Engine()` (Django's `TEMPLATES[...]['OPTIONS']`, in camelCase). */
export interface EngineOptions {
  /** Directories searched for templates, in order. */
  dirs?: string[];
  /** Application directories; each one's `templates/` folder is searched after `dirs`. */
  appDirs?: string[];
  /** Read `dirs`/`appDirs` templates through symlinks resolving outside their folder (false). */
  followSymlinksOutsideDirs?: boolean;
  /** In-memory templates (name → source), searched first. */
  templates?: Record<string, string>;
  /** Explicit loaders (replaces dirs/appDirs/templates). */
  loaders?: Loader[];
  /** Autoescape HTML by default (true). */
  autoescape?: boolean;
  /** Development mode: cached templates are reloaded when their source changes. */
  debug?: boolean;
  /** Throw `VariableDoesNotExist` (with template, line and column) for missing variables. */
  strict?: boolean;
  /** What a missing variable renders as (`''`); `%s` is replaced by the variable name. */
  stringIfInvalid?: string;
  /** Libraries loadable with `{% load name %}`. */
  libraries?: Record<string, Library>;
  /** Libraries loaded into every template. */
  builtins?: Library[];
  /** Functions of the request adding variables when a request is passed to render. */
  contextProcessors?: ContextProcessor[];
  /** The reverse function `{% url %}` uses. */
  reverse?: ReverseFunction;
  /** Maximum include nesting (default 100); deeper means an include loop. */
  maxDepth?: number;
  /**
   * Limits of one render — `maxSteps` (loop iterations, includes, `{% lorem %}` units) and
   * `maxOutputLength` (characters) — beyond which it throws `TemplateRenderBudgetExceeded`.
   * None by default (Django has none); `createApp` sets 10,000,000 of each.
   */
  renderBudget?: RenderBudget;
}

interface CacheEntry {
  template: Template;
  stamp: number | undefined;
}

/**
 * A Django template engine.
 *
 * @example
 * const engine = new Engine({ dirs: ['templates'], contextProcessors: [(request) => ({ user: null })] });
 * engine.getTemplate('home.html').render({ title: 'Home' });
 * engine.fromString('{{ a|add:b }}').render({ a: 1, b: 2 }); // '3'
 */
export class Engine implements RuntimeEngine {
  readonly loaders: Loader[];
  readonly autoescape: boolean;
  readonly debug: boolean;
  readonly strict: boolean;
  readonly stringIfInvalid: string;
  readonly libraries: Record<string, Library>;
  readonly builtins: Library[];
  readonly contextProcessors: ContextProcessor[];
  readonly reverse: ReverseFunction | undefined;
  readonly maxDepth: number;
  readonly renderBudget: RenderBudget | undefined;
  readonly #cache = new Map<string, CacheEntry>();
  #cacheGeneration = 0;

  constructor(options: EngineOptions = {}) {
    if (
      options.loaders !== undefined &&
      (options.appDirs !== undefined || options.dirs !== undefined)
    ) {
      throw new Error(
        'Engine options `loaders` and `dirs`/`appDirs` cannot be combined: pass FileSystemLoader/AppDirectoriesLoader in `loaders` instead.',
      );
    }
    for (const key of ['dirs', 'appDirs'] as const) {
      const value = options[key];
      if (value !== undefined && !Array.isArray(value)) {
        throw new TypeError(
          `Engine option ${key} must be an array of directory paths, got ${JSON.stringify(value)}. ` +
            (key === 'appDirs'
              ? "List each application's directory (its templates/ folder is searched)."
              : ''),
        );
      }
    }
    const fsOptions = { followSymlinksOutsideDirs: options.followSymlinksOutsideDirs ?? false };
    this.loaders = options.loaders ?? [
      ...(options.templates ? [new LocmemLoader(options.templates)] : []),
      ...(options.dirs && options.dirs.length > 0
        ? [new FileSystemLoader(options.dirs, fsOptions)]
        : []),
      ...(options.appDirs && options.appDirs.length > 0
        ? [new AppDirectoriesLoader(options.appDirs, 'templates', fsOptions)]
        : []),
    ];
    this.autoescape = options.autoescape ?? true;
    this.debug = options.debug ?? false;
    this.strict = options.strict ?? false;
    this.stringIfInvalid = options.stringIfInvalid ?? '';
    if (typeof this.stringIfInvalid !== 'string') {
      throw new TypeError(
        `Engine option stringIfInvalid must be a string, got ${String(this.stringIfInvalid)}.`,
      );
    }
    this.libraries = { ...options.libraries };
    this.builtins = options.builtins ?? [];
    this.contextProcessors = options.contextProcessors ?? [];
    this.reverse = options.reverse;
    this.maxDepth = options.maxDepth ?? 100;
    this.renderBudget = validateRenderBudget(options.renderBudget);
  }

  /** Compile a template from source (not cached). */
  fromString(source: string, name?: string): Template {
    return new Template(source, this, undefined, name);
  }

  /**
   * Find and compile a template by name; compiled templates are cached.
   *
   * @throws {TemplateDoesNotExist} listing every path tried.
   * @throws {TemplateSyntaxError} when the source does not compile.
   */
  getTemplate(name: string): Template {
    return this.findTemplate(name, []);
  }

  /** The first of `names` that exists. */
  selectTemplate(names: readonly string[]): Template {
    if (typeof names === 'string') {
      throw new TypeError(
        `selectTemplate() takes an array of template names but got a string: '${String(names)}'. Use getTemplate() to load a single template by name.`,
      );
    }
    if (names.length === 0) throw new TemplateDoesNotExist('No template names provided');
    const tried: string[] = [];
    for (const name of names) {
      try {
        return this.getTemplate(name);
      } catch (error) {
        if (!TemplateDoesNotExist.isInstance(error)) throw error;
        tried.push(...error.tried);
      }
    }
    throw new TemplateDoesNotExist(names.join(', '), tried);
  }

  /** Find a template, skipping origins in `skip` (how a template can extend one of the same name). */
  findTemplate(name: string, skip: readonly string[]): Template {
    const key = skip.length === 0 ? name : `${name}\0${skip.join('\0')}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      if (!this.debug) return cached.template;
      const origin = cached.template.origin;
      if (origin === undefined || origin.loader.getStamp?.(origin) === cached.stamp)
        return cached.template;
    }
    const tried: string[] = [];
    for (const loader of this.loaders) {
      for (const origin of loader.getTemplateSources(name)) {
        if (skip.includes(origin.name)) {
          tried.push(`${origin.name} (Skipped to avoid recursion)`);
          continue;
        }
        const source = loader.getContents(origin);
        if (source === undefined) {
          tried.push(
            `${origin.name} (${loader.missingReason?.(origin) ?? 'Source does not exist'})`,
          );
          continue;
        }
        const template = new Template(source, this, origin);
        this.#cache.set(key, {
          template,
          stamp: this.debug ? loader.getStamp?.(origin) : undefined,
        });
        return template;
      }
    }
    throw new TemplateDoesNotExist(name, tried);
  }

  /** Forget every compiled template (after sources changed). */
  resetCache(): void {
    this.#cache.clear();
    this.#cacheGeneration++;
  }

  /** Counts `resetCache()` calls: a compiled `{% extends %}` or `{% include %}` reuses what it found only within one. */
  get cacheGeneration(): number {
    return this.#cacheGeneration;
  }

  get hasRenderListeners(): boolean {
    return hasTemplateRenderedListeners();
  }

  emitRendered(template: RuntimeTemplate, ctx: Context): void {
    if (hasTemplateRenderedListeners())
      emitTemplateRendered({ name: template.name, context: ctx.flatten() });
  }
}

export type { TemplateOrigin };
