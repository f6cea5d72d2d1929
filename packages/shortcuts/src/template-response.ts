/**
 * Django's `TemplateResponse`: a response that keeps its template name and context until it is
 * rendered, so middleware (`processTemplateResponse`) can change either first. The handler renders
 * it after those hooks; `await response.render()` renders it by hand.
 *
 * @module
 */
import { HttpResponse } from '@reins/http';
import type { HttpRequest, HttpResponseOptions, ResponseContent } from '@reins/http';
import { ContentNotRenderedError } from './content-not-rendered-error.js';
import { loadAndRender } from './internal/render-template.js';
import { resolveTemplate } from './templates-registry.js';
import type { RenderableTemplate, TemplateEngines } from './templates-registry.js';

/**
 * Options of `new TemplateResponse()`: the response options plus Django's `using`.
 *
 * @example
 * new TemplateResponse(request, 'feed.xml', context, { contentType: 'application/rss+xml', using: 'nunjucks' });
 */
export interface TemplateResponseOptions extends HttpResponseOptions {
  /** The alias of the template engine to use. */
  using?: string | undefined;
  /** Engines to use instead of the application's (`request.app.templates`). */
  templates?: TemplateEngines | undefined;
}

type PostRenderCallback = (response: TemplateResponse) => unknown;

const BRAND = Symbol.for('reins.TemplateResponse');

// HttpResponse's own content accessor, called directly: V8 runs `super.content = value` through a
// slow runtime path, which showed up as a fifth of a template view's time.
const contentAccessor = Object.getOwnPropertyDescriptor(HttpResponse.prototype, 'content')!;

/**
 * A lazily rendered template response.
 *
 * @example
 * const response = new TemplateResponse(request, 'polls/index.html', { latest });
 * response.contextData!.extra = 1; // still editable
 * await response.render();
 * response.text(); // the rendered HTML
 */
export class TemplateResponse extends HttpResponse {
  /** The template: a name, names to try in order, or a template object. Editable until rendered. */
  templateName: string | readonly string[] | RenderableTemplate;
  /** The context the template is rendered with. Editable until rendered. */
  contextData: Record<string, unknown> | null;
  /** The engine alias to render with. */
  using: string | undefined;
  /** The request (context processors and `{% csrf_token %}` need it). */
  readonly request: HttpRequest | null;
  #templates: TemplateEngines | undefined;
  #isRendered = false;
  #postRenderCallbacks: PostRenderCallback[] = [];

  constructor(
    request: HttpRequest | null,
    template: string | readonly string[] | RenderableTemplate,
    context: Record<string, unknown> | null = null,
    options: TemplateResponseOptions = {},
  ) {
    super(undefined, options);
    this.request = request;
    this.templateName = template;
    this.contextData = context;
    this.using = options.using;
    this.#templates = options.templates;
  }

  /**
   * Whether `value` is a `TemplateResponse` (by brand, across package copies).
   *
   * @example
   * if (TemplateResponse.isInstance(response)) response.contextData!.extra = 1;
   */
  static override isInstance(value: unknown): value is TemplateResponse {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }

  /** Whether the content has been rendered (or set directly). */
  get isRendered(): boolean {
    return this.#isRendered;
  }

  /**
   * Load the template (Django's `resolve_template`); override to choose templates differently.
   *
   * @example
   * override resolveTemplate(template: string) { return super.resolveTemplate([`mobile/${template}`, template]); }
   */
  resolveTemplate(
    template: string | readonly string[] | RenderableTemplate,
  ): RenderableTemplate | PromiseLike<RenderableTemplate> {
    return resolveTemplate(
      template,
      { using: this.using, templates: this.#templates },
      this.request,
    );
  }

  /**
   * The context to render with (Django's `resolve_context`); override to add to it.
   *
   * @example
   * override resolveContext(context) { return { ...context, now: new Date() }; }
   */
  resolveContext(context: Record<string, unknown> | null): Record<string, unknown> {
    return context ?? {};
  }

  /**
   * The rendered text, without storing it as the content (Django's `rendered_content`).
   *
   * @example
   * const html = await response.renderedContent();
   */
  async renderedContent(): Promise<string> {
    return this.#renderContent();
  }

  #renderContent(): string | PromiseLike<string> {
    return loadAndRender(
      this.resolveTemplate(this.templateName),
      this.resolveContext(this.contextData),
      this.request,
    );
  }

  /**
   * Run `callback(response)` right after rendering (immediately if already rendered).
   *
   * @example
   * response.addPostRenderCallback((r) => cache.set(key, r.text()));
   */
  addPostRenderCallback(callback: PostRenderCallback): void {
    if (this.#isRendered) callback(this);
    else this.#postRenderCallbacks.push(callback);
  }

  /**
   * Render the template into the content, once; later calls do nothing.
   *
   * @example
   * await response.render();
   */
  render(): Promise<this> {
    if (this.#isRendered) return Promise.resolve(this);
    try {
      const content = this.#renderContent();
      // The common case renders synchronously: skip the promise hops until the end.
      if (typeof content === 'string') return this.#finish(content);
      return Promise.resolve(content).then((text) => this.#finish(text));
    } catch (error) {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- what render threw, passed on as it was (prefer-promise-reject-errors wants it typed)
      return Promise.reject(error as Error);
    }
  }

  async #finish(content: string): Promise<this> {
    this.content = content;
    const callbacks = this.#postRenderCallbacks;
    this.#postRenderCallbacks = [];
    for (const callback of callbacks) await callback(this);
    return this;
  }

  /** The rendered body; throws `ContentNotRenderedError` before `render()`. */
  override get content(): Uint8Array {
    if (!this.#isRendered) throw notRendered();
    return contentAccessor.get!.call(this) as Uint8Array;
  }

  override set content(value: ResponseContent) {
    contentAccessor.set!.call(this, value);
    this.#isRendered = true;
  }

  override text(): string {
    if (!this.#isRendered) throw notRendered();
    return super.text();
  }
}
Object.defineProperty(TemplateResponse.prototype, BRAND, { value: true });

function notRendered(): ContentNotRenderedError {
  return new ContentNotRenderedError(
    'The response content must be rendered before it can be accessed. Call await response.render() first.',
  );
}
