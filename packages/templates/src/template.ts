/**
 * A compiled template (`Template`): parsed when loaded (so syntax errors surface at once), compiled
 * to a sync JavaScript function on first `render()` and to an async one on first `renderAsync()`.
 *
 * @module
 */
import { isThenable } from '@reins/core';
import type { Engine } from './engine.js';
import { compileTemplate } from './internal/compiler.js';
import { coldRenders } from './internal/interpret/hot-threshold.js';
import { interpretTemplate } from './internal/interpret/render-nodes.js';
import { canInterpret } from './internal/interpret/support.js';
import { Context } from './internal/context.js';
import { parseTemplate, type ParsedTemplate } from './internal/parser.js';
import type { ReverseFunction } from './engine.js';
import type { CompiledTemplate, RenderState, RuntimeTemplate } from './internal/runtime.js';
import { needsAsync } from './internal/runtime.js';
import { checkOutput, startBudget } from './internal/runtime/render-budget.js';
import type { TemplateOrigin } from './loader.js';
import { builtinFilters } from './filters/index.js';

const BRAND = Symbol.for('reins.Template');

/** Per-render options. */
export interface RenderOptions {
  /** The `reverse` used by `{% url %}`, overriding the engine's. */
  reverse?: ReverseFunction;
  /** Autoescape for this render, overriding the engine's. */
  autoescape?: boolean;
}

/**
 * A template compiled by an `Engine`. Get one with `engine.getTemplate(name)` or
 * `engine.fromString(source)`.
 *
 * @example
 * const template = new Engine().fromString('Hello {{ name }}!');
 * template.render({ name: 'Ann' }); // 'Hello Ann!'
 * await template.renderAsync({ name: Promise.resolve('Bob') }); // 'Hello Bob!'
 */
export class Template implements RuntimeTemplate {
  readonly [BRAND] = true;
  /** The name it was loaded by (`'<string>'` for `fromString`). */
  readonly name: string;
  /** Where it was loaded from, if from a loader. */
  readonly origin: TemplateOrigin | undefined;
  /** The template source. */
  readonly source: string;
  /** The engine that compiled it. */
  readonly engine: Engine;
  readonly #parsed: ParsedTemplate;
  #sync: CompiledTemplate | undefined;
  #async: CompiledTemplate | undefined;
  /** The tree-walking form, `null` when the template has a tag it does not walk. */
  #walked: CompiledTemplate | null | undefined;
  #coldRenders = 0;

  constructor(source: string, engine: Engine, origin?: TemplateOrigin, name?: string) {
    this.source = source;
    this.engine = engine;
    this.origin = origin;
    this.name = name ?? origin?.templateName ?? '<string>';
    this.#parsed = parseTemplate(source, {
      templateName: origin?.templateName ?? name,
      builtinFilters,
      libraries: engine.libraries,
      builtins: engine.builtins,
    });
  }

  /** The unique origin name used to avoid extends recursion. */
  get originName(): string {
    return this.origin?.name ?? `<string>:${this.name}`;
  }

  /** Whether the template starts with `{% extends %}`. */
  get isChild(): boolean {
    return this.#parsed.extendsNode !== undefined;
  }

  /** The compiled JavaScript form (internal; used by include and extends). */
  compiled(asyncMode: boolean): CompiledTemplate {
    if (asyncMode) return (this.#async ??= this.#compile(true));
    if (this.#sync !== undefined) return this.#sync;
    // A cold template's sync renders walk its parse tree; once hot, it is compiled.
    if (this.#coldRenders < coldRenders()) {
      this.#coldRenders++;
      if (this.#walked === undefined) {
        this.#walked = canInterpret(this.#parsed, this.source)
          ? interpretTemplate(
              this.#parsed,
              {
                templateName: this.name,
                source: this.source,
                stringIfInvalid: this.engine.stringIfInvalid,
                strict: this.engine.strict,
                budget: this.engine.renderBudget !== undefined,
              },
              this,
            )
          : null;
      }
      if (this.#walked !== null) return this.#walked;
    }
    this.#walked = null;
    return (this.#sync = this.#compile(false));
  }

  #compile(asyncMode: boolean): CompiledTemplate {
    return compileTemplate(
      this.#parsed,
      {
        templateName: this.name,
        source: this.source,
        stringIfInvalid: this.engine.stringIfInvalid,
        strict: this.engine.strict,
        asyncMode,
        budget: this.engine.renderBudget !== undefined,
      },
      this,
    );
  }

  #state(request: unknown, options: RenderOptions, asyncMode: boolean): RenderState {
    return {
      engine: this.engine,
      rc: {},
      bc: null,
      depth: 0,
      name: this.name,
      parent: null,
      request,
      reverse: options.reverse ?? this.engine.reverse,
      history: null,
      asyncMode,
      budget: startBudget(this.engine.renderBudget),
      outputBefore: 0,
      site: '',
    };
  }

  /**
   * Render synchronously. Throws if the context (or a context processor) yields a promise; use
   * `renderAsync` for those.
   */
  render(
    context: Record<string, unknown> = {},
    request?: unknown,
    options: RenderOptions = {},
  ): string {
    const scopes: Record<string, unknown>[] = [];
    const processors = this.engine.contextProcessors;
    if (request !== undefined && processors.length > 0) {
      let merged: Record<string, unknown> | undefined;
      for (let index = 0; index < processors.length; index++) {
        const values = processors[index]!(request);
        if (isThenable(values)) throw needsAsync();
        // A spread into a new object is Object.assign({}, values) at half the cost on Bun.
        if (merged === undefined) merged = { ...values };
        else Object.assign(merged, values);
      }
      scopes.push(merged!);
    }
    scopes.push(checkContext(context));
    const ctx = new Context(scopes);
    this.engine.emitRendered(this, ctx);
    const state = this.#state(request, options, false);
    const output = this.compiled(false).main(
      ctx,
      state,
      options.autoescape ?? this.engine.autoescape,
    ) as string;
    return state.budget === null ? output : checkOutput(state, output);
  }

  /** Render, awaiting promises in the context (and async iterables in `{% for %}`) where they are used. */
  async renderAsync(
    context: Record<string, unknown> = {},
    request?: unknown,
    options: RenderOptions = {},
  ): Promise<string> {
    const scopes: Record<string, unknown>[] = [];
    if (request !== undefined && this.engine.contextProcessors.length > 0) {
      const merged: Record<string, unknown> = {};
      for (const processor of this.engine.contextProcessors)
        Object.assign(merged, await processor(request));
      scopes.push(merged);
    }
    scopes.push(checkContext(context));
    const ctx = new Context(scopes);
    this.engine.emitRendered(this, ctx);
    const state = this.#state(request, options, true);
    const output = await this.compiled(true).main(
      ctx,
      state,
      options.autoescape ?? this.engine.autoescape,
    );
    return state.budget === null ? output : checkOutput(state, output);
  }

  /** Recognise a Template from any copy of this package. */
  static isInstance(value: unknown): value is Template {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }
}

function checkContext(context: unknown): Record<string, unknown> {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new TypeError(
      `The template context must be an object of variables, not ${String(context)}.`,
    );
  }
  return context as Record<string, unknown>;
}
