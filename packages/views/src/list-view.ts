/**
 * Django's `ListView`: renders a list of rows from any data source, optionally paginated
 * (`paginateBy`, `?page=` or a `page` URL parameter, `last` for the last page). Context:
 * `object_list`, `paginator`, `page_obj`, `is_paginated`, `<model>_list` and `view`. A
 * `{ count, slice }` source is paginated with one count and one slice query; anything else is
 * read whole (through `loadRows()` of `@reins/shortcuts`).
 *
 * @module
 */
import { Http404 } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { loadRows } from '@reins/shortcuts';
import type { DataSource, TemplateResponse } from '@reins/shortcuts';
import { viewConfigError } from './improperly-configured.js';
import { InvalidPage } from './invalid-page.js';
import { modelNameOf } from './model-source.js';
import type { ModelSource } from './model-source.js';
import type { Page } from './page.js';
import { Paginator } from './paginator.js';
import type { PaginationSource, PaginatorOptions, SliceSource } from './paginator.js';
import { TemplateResponseMixin } from './template-response-mixin.js';
import type { Awaitable, Context } from './template-response-mixin.js';
import { isKyselyQuery, isSliceSource, kyselySliceSource } from './internal/source-kinds.js';
import { parsePythonInt } from './internal/python-int.js';
import type { ViewParams } from './view.js';

/**
 * The class `getPaginator()` instantiates (Django's `paginator_class`).
 *
 * @example
 * class Archive extends ListView { override paginatorClass = MyPaginator as PaginatorClass; }
 */
export type PaginatorClass = new <T>(
  objectList: PaginationSource<T>,
  perPage: number | string,
  options?: PaginatorOptions,
) => Paginator<T>;

/**
 * What a `ListView` lists: an array, or any `DataSource` (a Kysely or Drizzle query, a promise, a
 * function…), or a `SliceSource` for pagination in the database.
 *
 * @example
 * const source: ListSource<Article> = db.selectFrom('article').selectAll();
 */
export type ListSource<T = unknown> = readonly T[] | SliceSource<T> | DataSource;

/**
 * List rows, paginated or not.
 *
 * @example
 * class ArticleList extends ListView<Record<string, never>, Article> {
 *   paginateBy = 20;
 *   model = { name: 'Article', appLabel: 'blog' }; // template blog/article_list.html, context article_list
 *   getQueryset() {
 *     return { count: () => countArticles(), slice: (start, end) => articlesBetween(start, end) };
 *   }
 * }
 */
export class ListView<
  P extends ViewParams = Record<string, unknown>,
  T = unknown,
> extends TemplateResponseMixin<P> {
  /** The model: names the context list and the default template; its `all()` is the default data. */
  model: ModelSource | null = null;
  /** The data to list (Django's `queryset`). */
  queryset: ListSource<T> | null = null;
  /** Whether an empty list renders (otherwise 404). */
  allowEmpty = true;
  /** Rows per page; `null` for no pagination. */
  paginateBy: number | null = null;
  /** Let the last page absorb up to this many extra rows. */
  paginateOrphans = 0;
  /** The context name of the list; default `<model>_list`. */
  contextObjectName: string | null = null;
  /** The paginator class. */
  paginatorClass: PaginatorClass = Paginator;
  /** The URL parameter or query key holding the page number. */
  pageKwarg = 'page';
  /** Sort order: a field name, `-field` for descending, or several. */
  ordering: string | readonly string[] | null = null;
  /** Suffix of the default template name (`blog/article_list.html`). */
  templateNameSuffix = '_list';
  /** The data being listed, once `get()` has read it: rows, or a `SliceSource`. */
  objectList: readonly T[] | SliceSource<T> = [];

  /**
   * The data to list: `queryset`, else `model.all()`, sorted by `ordering`.
   *
   * @throws ImproperlyConfigured when there is neither.
   * @example
   * override getQueryset() { return db.selectFrom('article').selectAll().where('published', '=', 1); }
   */
  getQueryset(): Awaitable<ListSource<T>> {
    let source: ListSource<T> | PromiseLike<ListSource<T>>;
    if (this.queryset !== null) source = this.queryset;
    else if (this.model?.all) source = this.model.all() as ListSource<T>;
    else {
      const name = this.constructor.name;
      throw viewConfigError(
        `${name} is missing a QuerySet. Define ${name}.model (with all()), ${name}.queryset, or override ${name}.getQueryset().`,
      );
    }
    const ordering = this.getOrdering();
    if (ordering === null) return source as Awaitable<ListSource<T>>;
    return Promise.resolve(source).then((resolved) =>
      applyOrdering(resolved as ListSource<T>, ordering),
    );
  }

  /**
   * The sort order (Django's `get_ordering()`).
   *
   * @example
   * override getOrdering() { return this.request.GET.get('sort') === 'new' ? '-created' : 'title'; }
   */
  getOrdering(): string | readonly string[] | null {
    return this.ordering;
  }

  /** Rows per page for `objectList`, or `null` (Django's `get_paginate_by()`). */
  getPaginateBy(_objectList: readonly T[] | SliceSource<T>): number | null {
    return this.paginateBy;
  }

  /** The paginator for `objectList` (Django's `get_paginator()`). */
  getPaginator(
    objectList: readonly T[] | SliceSource<T>,
    perPage: number,
    options: PaginatorOptions = {},
  ): Paginator<T> {
    return new this.paginatorClass(objectList, perPage, options);
  }

  /** Orphans for the paginator (Django's `get_paginate_orphans()`). */
  getPaginateOrphans(): number {
    return this.paginateOrphans;
  }

  /** Whether an empty list is allowed (Django's `get_allow_empty()`). */
  getAllowEmpty(): boolean {
    return this.allowEmpty;
  }

  /**
   * The context name of the list: `contextObjectName`, else `<model name>_list`, else none.
   *
   * @example
   * new (class extends ListView { model = { name: 'BlogPost' }; })().getContextObjectName([]); // 'blogpost_list'
   */
  getContextObjectName(_objectList: readonly T[] | SliceSource<T>): string | null {
    if (this.contextObjectName) return this.contextObjectName;
    if (this.model) return `${modelNameOf(this.model)}_list`;
    return null;
  }

  /**
   * Paginate `objectList`: the page number comes from the URL parameter or the query string
   * (`pageKwarg`), `last` means the last page; a bad number is a 404 with Django's messages.
   *
   * @throws Http404 for a page that is not a number, or out of range.
   * @example
   * const [paginator, page, rows, isPaginated] = await this.paginateQueryset(rows, 10);
   */
  async paginateQueryset(
    objectList: readonly T[] | SliceSource<T>,
    pageSize: number,
  ): Promise<[Paginator<T>, Page<T>, T[], boolean]> {
    const paginator = this.getPaginator(objectList, pageSize, {
      orphans: this.getPaginateOrphans(),
      allowEmptyFirstPage: this.getAllowEmpty(),
    });
    const fromUrl = (this.kwargs as Record<string, unknown>)[this.pageKwarg];
    const page: unknown = fromUrl || this.request.GET.get(this.pageKwarg) || 1;
    let pageNumber: number;
    let shown: string;
    const parsed = typeof page === 'string' ? parsePythonInt(page) : undefined;
    if (typeof page === 'number' && Number.isFinite(page)) {
      pageNumber = Math.trunc(page);
      shown = String(pageNumber);
    } else if (typeof page === 'bigint') {
      pageNumber = Number(page);
      shown = page.toString();
    } else if (parsed !== undefined) {
      pageNumber = Number(parsed);
      shown = parsed.toString();
    } else if (page === 'last') {
      await paginator.acount();
      pageNumber = paginator.numPages;
      shown = String(pageNumber);
    } else {
      throw new Http404('Page is not “last”, nor can it be converted to an int.');
    }
    try {
      const current = await paginator.apage(pageNumber);
      return [paginator, current, current.objectList, current.hasOtherPages()];
    } catch (error) {
      if (InvalidPage.isInstance(error)) {
        throw new Http404(`Invalid page (${shown}): ${(error as Error).message}`);
      }
      throw error;
    }
  }

  /**
   * The context: `paginator`, `page_obj`, `is_paginated`, `object_list`, `<model>_list`, `view`.
   *
   * @example
   * override async getContextData(kwargs: Context = {}) {
   *   return { ...(await super.getContextData(kwargs)), sections: await loadSections() };
   * }
   */
  override async getContextData(kwargs: Context = {}): Promise<Context> {
    const { objectList: objectListOverride, ...rest } = kwargs as Context & {
      objectList?: readonly T[] | SliceSource<T>;
    };
    const queryset = objectListOverride ?? this.objectList;
    const pageSize = this.getPaginateBy(queryset);
    const contextObjectName = this.getContextObjectName(queryset);
    let context: Context;
    let rows: readonly T[];
    if (pageSize) {
      const [paginator, page, pageRows, isPaginated] = await this.paginateQueryset(
        queryset,
        pageSize,
      );
      rows = pageRows;
      context = { paginator, page_obj: page, is_paginated: isPaginated, object_list: rows };
    } else {
      rows = isSliceSource(queryset) ? await readAll(queryset) : queryset;
      context = { paginator: null, page_obj: null, is_paginated: false, object_list: rows };
    }
    if (contextObjectName !== null) context[contextObjectName] = rows;
    Object.assign(context, rest);
    return super.getContextData(context);
  }

  /**
   * The templates to try: `templateName`, then `<appLabel>/<model>_list.html` when there is a model.
   *
   * @throws ImproperlyConfigured when there is neither.
   */
  override getTemplateNames(): string[] {
    const names = this.templateName === null ? [] : [this.templateName];
    if (this.model) {
      const file = `${modelNameOf(this.model)}${this.templateNameSuffix}.html`;
      names.push(this.model.appLabel ? `${this.model.appLabel}/${file}` : file);
    } else if (names.length === 0) {
      throw viewConfigError(
        `${this.constructor.name} requires either a 'templateName' attribute or a 'model' (with a name) to derive it from.`,
      );
    }
    return names;
  }

  /**
   * Read the data, refuse an empty list when `allowEmpty` is false, and render.
   *
   * @throws Http404 for an empty list with `allowEmpty: false`, or a bad page.
   */
  override async get(_request: HttpRequest, _params: P): Promise<TemplateResponse> {
    const source = await this.getQueryset();
    // A plain Kysely query is paginated in SQL (COUNT, then LIMIT/OFFSET) rather than read whole.
    let sliced: SliceSource<T> | null = null;
    if (isSliceSource(source)) sliced = source as SliceSource<T>;
    else if (this.getPaginateBy(source as readonly T[]))
      sliced = kyselySliceSource(source) as SliceSource<T> | null;
    this.objectList = sliced ?? ((await loadRows(source as DataSource)) as T[]);
    if (!this.getAllowEmpty()) {
      const list = this.objectList;
      const isEmpty = isSliceSource(list) ? Number(await list.count()) === 0 : list.length === 0;
      if (isEmpty) {
        throw new Http404(`Empty list and “${this.constructor.name}.allowEmpty” is False.`);
      }
    }
    const context = await this.getContextData();
    return this.renderToResponse(context);
  }
}

async function readAll<T>(source: SliceSource<T>): Promise<T[]> {
  return Array.from(await source.slice(0, Number(await source.count())));
}

function orderingFields(ordering: string | readonly string[]): string[] {
  return typeof ordering === 'string' ? [ordering] : [...ordering];
}

/** Apply `ordering` to a Kysely query (orderBy) or to rows (a stable in-memory sort). */
async function applyOrdering<T>(
  source: ListSource<T>,
  ordering: string | readonly string[],
): Promise<ListSource<T>> {
  const fields = orderingFields(ordering);
  if (isKyselyQuery(source)) {
    // Like Django's order_by(), the view's ordering replaces the query's own.
    let query = source.clearOrderBy ? source.clearOrderBy() : source;
    for (const field of fields) {
      query = field.startsWith('-')
        ? query.orderBy(field.slice(1), 'desc')
        : query.orderBy(field, 'asc');
    }
    return query;
  }
  if (isSliceSource(source)) {
    throw viewConfigError(
      'ListView.ordering cannot sort a { count, slice } source; sort inside its slice() query instead.',
    );
  }
  const rows = [...(await loadRows(source as DataSource))] as Array<Record<string, unknown>>;
  rows.sort((a, b) => {
    for (const field of fields) {
      const descending = field.startsWith('-');
      const key = descending ? field.slice(1) : field;
      const [x, y] = [a[key], b[key]] as [never, never];
      if (x === y) continue;
      const order = x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return 0;
  });
  return rows;
}
