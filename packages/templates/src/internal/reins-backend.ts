/**
 * The built-in backend of `createTemplates` (`reinsBackend`): an `Engine` whose templates render
 * synchronously when nothing in the render can meet a promise, asynchronously otherwise. It adds
 * no context processor of its own: `{{ csrf_token }}` comes from the one CSRF context processor,
 * `csrfContextProcessor` of `@reins/middleware`, which `createApp` puts first in every reins
 * engine (Django's always-on `csrf` processor) — it reads the token lazily and marks the cookie
 * as used, as Django's does.
 *
 * Sync first, safely: a sync render that met a promise half-way would have to start again
 * asynchronously, calling a second time whatever it had already called (a callable in the
 * context, a custom tag, a context processor, a `template_rendered` listener). So the choice is
 * made before anything runs, and only when no promise can appear: every context processor and
 * library tag of the engine is declared synchronous (`declareSync`), and the context is plain
 * data — primitives, plain objects and arrays holding only data properties, dates and safe
 * strings, no function, getter, proxy or class instance, which is where promises and user code
 * hide. Anything else renders with `renderAsync()` from the start, exactly as before.
 *
 * @module
 */
import { types } from 'node:util';
import { isSafe } from '@reins/core';
import { Engine, type EngineOptions } from '../engine.js';
import type { RenderOptions, Template } from '../template.js';
import {
  isDeclaredSync,
  type BackendTemplate,
  type TemplateBackend,
  type TemplateBackendConfig,
} from '../template-backend.js';

/**
 * How many values the context scan looks at before it gives up and renders asynchronously: a
 * scan costs tens of nanoseconds per value, the promise path about a microsecond per page, so a
 * context larger than this gains little from the sync path (and a cyclic one ends here).
 */
const SCAN_LIMIT = 1_000;

/** Whether a render of `engine`'s templates can meet a promise from anything but the context. */
function engineRendersSync(engine: Engine): boolean {
  for (const processor of engine.contextProcessors) if (!isDeclaredSync(processor)) return false;
  for (const library of [...engine.builtins, ...Object.values(engine.libraries)]) {
    for (const name in library.tags) {
      const tag = library.tags[name]!;
      if (!isDeclaredSync(tag.kind === 'tag' ? tag.compile : tag.fn)) return false;
    }
  }
  return true;
}

const NO_KEYS: string[] = [];

/**
 * Whether `context` is plain data, in which no lookup, call or iteration of a render can meet a
 * promise or run code of the caller's: read through property descriptors, so no getter runs.
 * Primitives are judged where they are found, never queued: most values of a context are.
 */
function isPlainData(context: Record<string, unknown>): boolean {
  if (typeof context === 'function') return false;
  const pending: object[] = [];
  let value: unknown = context;
  // Every value counts towards the limit, the context itself included.
  let seen = 1;
  for (;;) {
    if (typeof value === 'object' && value !== null) {
      // A proxy would answer every check below from its handler, running the caller's code.
      if (types.isProxy(value)) return false;
      const keys = isSafe(value) ? NO_KEYS : plainKeys(value);
      if (keys === null || (seen += keys.length) > SCAN_LIMIT) return false;
      for (let index = 0; index < keys.length; index++) {
        // One descriptor at a time: `getOwnPropertyDescriptors` cost twice as much on Bun.
        const descriptor = Object.getOwnPropertyDescriptor(value, keys[index]!)!;
        if (descriptor.get !== undefined || descriptor.set !== undefined) return false;
        const item: unknown = descriptor.value;
        if (typeof item === 'function') return false;
        if (typeof item === 'object' && item !== null) pending.push(item);
      }
    }
    if (pending.length === 0) return true;
    value = pending.pop();
  }
}

/**
 * The own keys of a plain object or array to read on (none for a date without properties of its
 * own), or `null` when `value` is an instance of another class or has a symbol key
 * (`Symbol.iterator`, `Symbol.asyncIterator` change how `{% for %}` iterates).
 */
function plainKeys(value: object): string[] | null {
  const proto = Object.getPrototypeOf(value) as unknown;
  const keys = Reflect.ownKeys(value);
  if (proto === Date.prototype) return keys.length === 0 ? NO_KEYS : null;
  if (proto !== Object.prototype && proto !== null && proto !== Array.prototype) return null;
  for (let index = 0; index < keys.length; index++) {
    if (typeof keys[index] === 'symbol') return null;
  }
  return keys as string[];
}

/** The error for a declared-synchronous function that returned a promise anyway. */
function brokenDeclaration(template: Template, cause: unknown): Error {
  return new Error(
    `Template '${template.name}' met a promise in a synchronous render: every context processor ` +
      'and library tag of its engine is declared synchronous (declareSync) and its context is ' +
      'plain data, so one of those functions returned a promise. Make it synchronous, or remove ' +
      'its declareSync() so that the engine renders asynchronously.',
    { cause },
  );
}

class ReinsBackendTemplate implements BackendTemplate {
  readonly name: string;
  readonly origin: string | undefined;
  readonly backend: string;
  /** The engine's template. */
  readonly template: Template;
  readonly #syncEngine: () => boolean;

  constructor(template: Template, backend: string, syncEngine: () => boolean) {
    this.name = template.name;
    this.origin = template.origin?.name;
    this.backend = backend;
    this.template = template;
    this.#syncEngine = syncEngine;
  }

  render(
    context: Record<string, unknown> = {},
    request?: unknown,
    options?: RenderOptions,
  ): Promise<string> | string {
    if (!this.#syncEngine() || !isPlainData(context)) {
      return this.template.renderAsync(context, request, options);
    }
    try {
      return this.template.render(context, request, options);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'templates.async_context') {
        throw brokenDeclaration(this.template, error);
      }
      throw error;
    }
  }
}

/** Create the reins backend from one configuration entry. */
export function reinsBackend(config: TemplateBackendConfig): TemplateBackend & { engine: Engine } {
  const options = config.options as EngineOptions;
  const engine = new Engine({
    ...options,
    ...(options.loaders === undefined ? { dirs: config.dirs, appDirs: config.appDirs } : {}),
  });
  // Read at the first render, once: libraries are complete by then (Django reads them when the
  // engine is built), and the answer then costs nothing per render.
  let syncEngine: boolean | undefined;
  const rendersSync = (): boolean => (syncEngine ??= engineRendersSync(engine));
  const wrapped = new WeakMap<Template, ReinsBackendTemplate>();
  const wrap = (template: Template): ReinsBackendTemplate => {
    let backendTemplate = wrapped.get(template);
    if (backendTemplate === undefined) {
      backendTemplate = new ReinsBackendTemplate(template, config.name, rendersSync);
      wrapped.set(template, backendTemplate);
    }
    return backendTemplate;
  };
  return {
    name: config.name,
    engine,
    getTemplate: (name) => wrap(engine.getTemplate(name)),
    fromString: (source) =>
      new ReinsBackendTemplate(engine.fromString(source), config.name, rendersSync),
  };
}
