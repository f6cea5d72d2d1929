/**
 * `ModelSource`: what a `ListView` or `DetailView` knows about its model without an ORM — the
 * name Django derives everything from (`article_list`, `blog/article_detail.html`, "No article
 * found matching the query") and, optionally, how to fetch rows. A plain object or a class with
 * static members both fit.
 *
 * @module
 */
import type { DataSource } from '@reins/shortcuts';

/**
 * The pk and/or slug a `DetailView` looks its object up by, from the URL.
 *
 * @example
 * const lookup: ObjectLookup = { pk: 4, slugField: 'slug' };
 */
export interface ObjectLookup {
  /** The value of the URL's `pkUrlKwarg` parameter, when the URL has one. */
  pk?: unknown;
  /** The value of the URL's `slugUrlKwarg` parameter, when it is used for the lookup. */
  slug?: unknown;
  /** The column the slug is compared with (`slugField`). */
  slugField: string;
  /** The column the pk is compared with (`pkField`). */
  pkField: string;
}

/**
 * A model for the generic views: its name, and optional finders over any data source.
 *
 * @example
 * const Article: ModelSource = {
 *   name: 'Article',
 *   appLabel: 'blog',
 *   all: () => db.selectFrom('article').selectAll().orderBy('id'),
 *   findByPk: (pk) => db.selectFrom('article').selectAll().where('id', '=', Number(pk)),
 *   findBySlug: (slug) => db.selectFrom('article').selectAll().where('slug', '=', String(slug)),
 * };
 */
export interface ModelSource {
  /** The model's name as Django's `object_name`: `'Article'`, `'BlogPost'`. */
  readonly name: string;
  /** The app label for default template names (`blog/article_list.html`). */
  readonly appLabel?: string | undefined;
  /** Django's `verbose_name`; default the name with spaces, lower-case (`'blog post'`). */
  readonly verboseName?: string | undefined;
  /** Every row (ListView's default data, and DetailView's when there is no finder). */
  all?(): DataSource;
  /** The row(s) with this primary key. */
  findByPk?(pk: unknown): DataSource;
  /** The row(s) whose `slugField` equals `slug`. */
  findBySlug?(slug: unknown, slugField: string): DataSource;
  /** The row(s) matching a pk and/or slug; preferred over the two finders when present. */
  find?(lookup: ObjectLookup): DataSource;
}

/** Django's `model_name`: the object name, lower-case. */
export function modelNameOf(model: ModelSource): string {
  return model.name.toLowerCase();
}

/** Django's default `verbose_name`: `camel_case_to_spaces(object_name)`. */
export function verboseNameOf(model: ModelSource): string {
  if (model.verboseName) return model.verboseName;
  return model.name
    .replace(/((?<=[a-z])[A-Z])|([A-Z](?![A-Z]|$))/g, ' $&')
    .trim()
    .toLowerCase();
}
