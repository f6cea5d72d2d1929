/**
 * Django's `DetailView`: fetches one object by the URL's `pk` (or `slug`) and renders it, with
 * `object` and `<model name>` in the context. The object comes from `getObject()`, which by
 * default asks `lookupSource()` for a data source narrowed to the pk/slug and reads it with
 * `getObjectOr404` semantics: no row is a 404 ("No article found matching the query"), several are
 * `MultipleObjectsReturned`.
 *
 * `lookupSource()` uses, in order: the model's `find()`, `findByPk()` / `findBySlug()`; or the
 * data of `getQueryset()` narrowed by `where(pkField, '=', pk)` for a Kysely query, or filtered in
 * memory for rows. Override `lookupSource()` or `getObject()` for anything else (a Drizzle
 * condition, a repository call).
 *
 * @module
 */
import type { HttpRequest } from '@reins/http';
import { getObjectOr404, loadRows } from '@reins/shortcuts';
import type { DataSource, TemplateResponse } from '@reins/shortcuts';
import { viewConfigError } from './improperly-configured.js';
import { modelNameOf, verboseNameOf } from './model-source.js';
import type { ModelSource, ObjectLookup } from './model-source.js';
import { TemplateResponseMixin } from './template-response-mixin.js';
import type { Awaitable, Context } from './template-response-mixin.js';
import { isKyselyQuery, sameValue } from './internal/source-kinds.js';
import type { ViewParams } from './view.js';

/**
 * Show one object.
 *
 * @example
 * class ArticleDetail extends DetailView<{ pk: number }, Article> {
 *   model = { name: 'Article', appLabel: 'blog' };
 *   getQueryset() { return db.selectFrom('article').selectAll(); }
 * }
 * path('article/<int:pk>', ArticleDetail.asView());
 */
export class DetailView<
  P extends ViewParams = Record<string, unknown>,
  T = unknown,
> extends TemplateResponseMixin<P> {
  /** The model: names the context object and the default template, and may provide finders. */
  model: ModelSource | null = null;
  /** The data the object is looked up in (Django's `queryset`). */
  queryset: DataSource | null = null;
  /** The column compared with the slug. */
  slugField = 'slug';
  /** The URL parameter holding the slug. */
  slugUrlKwarg = 'slug';
  /** The URL parameter holding the primary key. */
  pkUrlKwarg = 'pk';
  /** The column compared with the pk (Django's `pk`, usually `id`). */
  pkField = 'id';
  /** Look up by pk and slug together when the URL has both (otherwise the pk alone). */
  queryPkAndSlug = false;
  /** The context name of the object; default the model name, lower-case. */
  contextObjectName: string | null = null;
  /** A field of the object naming its template (Django's `template_name_field`). */
  templateNameField: string | null = null;
  /** Suffix of the default template name (`blog/article_detail.html`). */
  templateNameSuffix = '_detail';
  /** The object being shown, once `get()` has fetched it. */
  object: T | null = null;

  /**
   * The data to look the object up in (a data source, not awaited): `queryset`, else `model.all()`.
   *
   * @throws ImproperlyConfigured when there is neither.
   * @example
   * override getQueryset() { return db.selectFrom('article').selectAll().where('published', '=', 1); }
   */
  getQueryset(): DataSource {
    if (this.queryset !== null) return this.queryset;
    if (this.model?.all) return this.model.all();
    const name = this.constructor.name;
    throw viewConfigError(
      `${name} is missing a QuerySet. Define ${name}.model (with findByPk/findBySlug/find/all), ${name}.queryset, or override ${name}.getQueryset() or ${name}.getObject().`,
    );
  }

  /** The column the slug is compared with (Django's `get_slug_field()`). */
  getSlugField(): string {
    return this.slugField;
  }

  /**
   * A data source narrowed to `lookup` (a query, a function, a promise…); override to query your
   * own way. It is handed to `getObjectOr404` as is, so a query builder is never run twice.
   *
   * @example
   * override lookupSource(lookup: ObjectLookup) {
   *   return orm.select().from(article).where(eq(article.id, Number(lookup.pk)));
   * }
   */
  lookupSource(lookup: ObjectLookup): DataSource {
    const model = this.model;
    const usesQueryset =
      this.queryset !== null || this.getQueryset !== DetailView.prototype.getQueryset || !model;
    if (!usesQueryset && model) {
      // Each finder is called through a function so a promise it returns stays a data source
      // (awaiting it here would turn "a promise of a row" into the row).
      // eslint-disable-next-line @typescript-eslint/unbound-method -- each is called with .call(model)
      const { find, findByPk, findBySlug } = model;
      if (find) return () => find.call(model, lookup);
      if (lookup.slug === undefined && findByPk) return () => findByPk.call(model, lookup.pk);
      if (lookup.pk === undefined && findBySlug)
        return () => findBySlug.call(model, lookup.slug, lookup.slugField);
      if (findByPk) {
        // pk and slug together without find(): fetch by pk, then check the slug.
        return async () =>
          (await loadRows(() => findByPk.call(model, lookup.pk))).filter((row) =>
            sameValue((row as Record<string, unknown> | null)?.[lookup.slugField], lookup.slug),
          );
      }
    }
    const source = this.getQueryset();
    if (isKyselyQuery(source)) {
      let query = source;
      if (lookup.pk !== undefined) query = query.where(lookup.pkField, '=', lookup.pk);
      if (lookup.slug !== undefined) query = query.where(lookup.slugField, '=', lookup.slug);
      return query;
    }
    return async () => {
      const rows = (await loadRows(() => source)) as Array<Record<string, unknown> | null>;
      return rows.filter(
        (row) =>
          (lookup.pk === undefined || sameValue(row?.[lookup.pkField], lookup.pk)) &&
          (lookup.slug === undefined || sameValue(row?.[lookup.slugField], lookup.slug)),
      );
    };
  }

  /**
   * The object for this request, by the URL's pk and/or slug.
   *
   * @throws Http404 when there is no such object: `No <verbose name> found matching the query`.
   * @throws ImproperlyConfigured when the URL has neither a pk nor a slug parameter.
   * @example
   * override async getObject() { const article = await super.getObject(); if (!article.published) throw new Http404(); return article; }
   */
  async getObject(): Promise<T> {
    const kwargs = this.kwargs as Record<string, unknown>;
    const pk = kwargs[this.pkUrlKwarg];
    const slug = kwargs[this.slugUrlKwarg];
    if (pk === undefined && slug === undefined) {
      throw viewConfigError(
        `Generic detail view ${this.constructor.name} must be called with either an object pk or a slug in the URLconf.`,
      );
    }
    const lookup: ObjectLookup = { slugField: this.getSlugField(), pkField: this.pkField };
    if (pk !== undefined) lookup.pk = pk;
    if (slug !== undefined && (pk === undefined || this.queryPkAndSlug)) lookup.slug = slug;
    const source = this.lookupSource(lookup);
    const model = this.model;
    return (await getObjectOr404(source, {
      ...(model ? { model: model.name } : {}),
      message: (name) => `No ${model ? verboseNameOf(model) : name} found matching the query`,
    })) as T;
  }

  /**
   * The context name of the object: `contextObjectName`, else the model name, lower-case.
   *
   * @example
   * view.getContextObjectName(article); // 'article'
   */
  getContextObjectName(_object: T): string | null {
    if (this.contextObjectName) return this.contextObjectName;
    if (this.model) return modelNameOf(this.model);
    return null;
  }

  /**
   * The context: `object`, `<model name>`, the given values, `view` and `extraContext`.
   *
   * @example
   * override async getContextData(kwargs: Context = {}) {
   *   return { ...(await super.getContextData(kwargs)), comments: await commentsOf(this.object) };
   * }
   */
  override getContextData(kwargs: Context = {}): Awaitable<Context> {
    const context: Context = {};
    if (this.object !== null && this.object !== undefined) {
      context['object'] = this.object;
      const name = this.getContextObjectName(this.object);
      if (name) context[name] = this.object;
    }
    Object.assign(context, kwargs);
    return super.getContextData(context);
  }

  /**
   * The templates to try: `templateName`; else the object's `templateNameField` value and
   * `<appLabel>/<model>_detail.html`.
   *
   * @throws ImproperlyConfigured when none can be derived.
   */
  override getTemplateNames(): string[] {
    if (this.templateName !== null) return [this.templateName];
    const names: string[] = [];
    if (this.object && this.templateNameField) {
      const name = (this.object as Record<string, unknown>)[this.templateNameField];
      if (typeof name === 'string' && name) names.push(name);
    }
    if (this.model) {
      const file = `${modelNameOf(this.model)}${this.templateNameSuffix}.html`;
      names.push(this.model.appLabel ? `${this.model.appLabel}/${file}` : file);
    }
    if (names.length === 0) {
      throw viewConfigError(
        `${this.constructor.name} requires a definition of 'templateName', 'templateNameField', or 'model'; or an implementation of 'getTemplateNames()'.`,
      );
    }
    return names;
  }

  /**
   * Fetch the object and render it.
   *
   * @throws Http404 when there is no such object.
   */
  override async get(_request: HttpRequest, _params: P): Promise<TemplateResponse> {
    this.object = await this.getObject();
    const context = await this.getContextData({ object: this.object });
    return this.renderToResponse(context);
  }
}
