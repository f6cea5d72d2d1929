/**
 * The contract every template backend fulfils (`TemplateBackend`), so several engines can sit side
 * by side in one `createTemplates` configuration, as in Django's `TEMPLATES` list.
 *
 * @module
 */
import type { RenderOptions } from './template.js';

/** A template as a backend hands it out. */
export interface BackendTemplate {
  /** The name it was loaded by. */
  readonly name: string;
  /** Where it came from (a file path, `locmem:<name>`…), when known. */
  readonly origin: string | undefined;
  /** The alias of the engine that loaded it. */
  readonly backend: string;
  /**
   * Render with a context object and, optionally, the request (for context processors) and render
   * options (the `reverse` that `{% url %}` calls, for a caller that binds it to the request).
   */
  render(
    context?: Record<string, unknown>,
    request?: unknown,
    options?: RenderOptions,
  ): Promise<string> | string;
}

/** One configured engine. */
export interface TemplateBackend {
  /** The engine's alias (`name` in the configuration). */
  readonly name: string;
  /**
   * Load a template by name.
   *
   * @throws {TemplateDoesNotExist} listing every location tried.
   */
  getTemplate(name: string): BackendTemplate;
  /** Compile a template from source. */
  fromString(source: string): BackendTemplate;
}

/** What a backend factory receives: one entry of the `createTemplates` configuration. */
export interface TemplateBackendConfig {
  name: string;
  dirs: string[];
  appDirs: string[];
  options: Record<string, unknown>;
}

/**
 * Build a backend from its configuration (how a third-party engine plugs in).
 *
 * @example
 * const echo: TemplateBackendFactory = (config) => ({
 *   name: config.name,
 *   getTemplate: (name) => ({ name, origin: undefined, backend: config.name, render: () => name }),
 *   fromString: (source) => ({ name: '<string>', origin: undefined, backend: config.name, render: () => source }),
 * });
 */
export type TemplateBackendFactory = ((config: TemplateBackendConfig) => TemplateBackend) & {
  backendName?: string;
};

/**
 * The mark {@link declareSync} sets, under `Symbol.for` so that a package which cannot import this
 * one (`@reins/middleware`'s `csrfContextProcessor`) sets the same mark.
 */
const SYNC_MARK: unique symbol = Symbol.for('reins.templates.sync') as never;

/**
 * Declare that `fn` — a context processor, a `simpleTag`/`inclusionTag` function or a `tag()`
 * compile function — answers synchronously, and that nothing it returns is, holds or yields a
 * promise or an async iterable during a render. A reins engine whose context processors and
 * library tags are all declared so renders a page whose context is plain data without a single
 * promise (the backend's `render()` then returns a string); anything undeclared makes it render
 * asynchronously, as before. Returns `fn` itself.
 *
 * @example
 * const siteName = declareSync((_request: unknown) => ({ site_name: 'Polls' }));
 * createTemplates([{ backend: 'reins', options: { contextProcessors: [siteName] } }]);
 */
export function declareSync<F extends (...args: never[]) => unknown>(fn: F): F {
  Object.defineProperty(fn, SYNC_MARK, { value: true });
  return fn;
}

/** Whether `fn` was declared with {@link declareSync} (or carries its mark). */
export function isDeclaredSync(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as { [SYNC_MARK]?: unknown })[SYNC_MARK] === true;
}
