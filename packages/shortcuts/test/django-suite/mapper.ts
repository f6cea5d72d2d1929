/**
 * Maps the test client exchanges of Django's own shortcuts tests (tests/shortcuts/tests.py,
 * recorded by tooling/django-suites/record.py) onto @reins/shortcuts: the request the client sent
 * goes to the view the test urlconf (tests/shortcuts/urls.py) routed it to, ported below, and the
 * response is compared with Django's. Templates are the ones the recording rendered (the fixture's
 * `templates`), with Django's test settings' `request` context processor. The resolve_url and
 * get_object_or_404 tests' calls go to resolveUrl() (over the test urlconf, rebuilt with
 * @reins/urls from the fixture's `urlconfs`) and getObjectOr404()/getListOr404().
 */
import {
  describeResponse,
  PyCallable,
  requestTarget,
  Unmapped,
  type Json,
  type Mapper,
  type RecordedRequest,
  type SuiteFixture,
  FUNCTIONS_ONLY,
  standInView,
} from '@reins/django-suites';
import { HttpRequest } from '@reins/http';
import type { HttpResponse } from '@reins/http';
import { Engine } from '@reins/templates';
import { createResolver, path, type URLResolver } from '@reins/urls';
import {
  getListOr404,
  getObjectOr404,
  render,
  resolveUrl,
  setDefaultUrlconf,
  setTemplates,
} from '../../src/index.js';

const context = { foo: 'FOO', bar: 'BAR' };

/** tests/shortcuts/views.py, by Django's module.qualname. */
const VIEWS: Record<string, (request: HttpRequest) => Promise<HttpResponse>> = {
  'shortcuts.views.render_view': (request) =>
    render(request, 'shortcuts/render_test.html', context),
  'shortcuts.views.render_view_with_multiple_templates': (request) =>
    render(request, ['shortcuts/no_such_template.html', 'shortcuts/render_test.html'], context),
  'shortcuts.views.render_view_with_content_type': (request) =>
    render(request, 'shortcuts/render_test.html', context, {
      contentType: 'application/x-rendertest',
    }),
  'shortcuts.views.render_view_with_status': (request) =>
    render(request, 'shortcuts/render_test.html', context, { status: 403 }),
  'shortcuts.views.render_view_with_using': (request) =>
    render(request, 'shortcuts/using.html', null, {
      using: request.GET.get('using') ?? undefined,
    }),
};

const viewFor = standInView;

interface Entry {
  route: string;
  view?: string;
  name?: string;
}

let resolvers = new Map<string, URLResolver>();

/** The flat urlconfs these tests use (resolve_url/urls.py), rebuilt with @reins/urls. */
function resolverFor(described: Json | undefined): URLResolver {
  if (!Array.isArray(described)) throw new Unmapped(`urlconf ${JSON.stringify(described)}`);
  const entries = described as unknown as Entry[];
  if (entries.some((e) => e.view === undefined))
    throw new Unmapped('an include() in a shortcuts urlconf');
  return createResolver(
    entries.map((e) =>
      path(e.route, viewFor(e.view ?? '?'), e.name === undefined ? {} : { name: e.name }),
    ),
  );
}

/** A decoded argument as reins takes it: a Python view is its stand-in function. */
function argument(value: unknown): unknown {
  return value instanceof PyCallable ? viewFor(value.id) : value;
}

/** The mapper of the shortcuts suite. */
export const shortcutsMapper: Mapper = {
  beginFixture(fixture: SuiteFixture) {
    const templates = (fixture as SuiteFixture & { templates?: Record<string, string> }).templates;
    // runtests.py's TEMPLATES has django.template.context_processors.request.
    setTemplates(
      new Engine({ templates: templates ?? {}, contextProcessors: [(request) => ({ request })] }),
    );
    resolvers = new Map();
    for (const [name, described] of Object.entries(fixture.urlconfs ?? {})) {
      if (Array.isArray(described) && described.length > 0)
        resolvers.set(name, resolverFor(described));
    }
  },

  beforeOp(op) {
    if (typeof op.urlconf === 'string') setDefaultUrlconf(resolvers.get(op.urlconf) ?? null);
  },

  async fn(name, args, kwargs) {
    switch (name) {
      case 'django.shortcuts.resolve_url':
        if (Object.keys(kwargs).length > 0) throw new Unmapped('resolve_url(**kwargs)');
        return resolveUrl(argument(args[0]) as string, { args: args.slice(1) });
      case 'django.shortcuts.get_object_or_404':
        return getObjectOr404(argument(args[0]) as never);
      case 'django.shortcuts.get_list_or_404':
        return getListOr404(argument(args[0]) as never);
    }
    if (name !== 'django.test.Client.request') throw new Unmapped(name);
    const [recorded, match] = args as [RecordedRequest, { view: string }];
    const view = VIEWS[match.view];
    if (view === undefined) throw new Unmapped(`view ${match.view}`, `view ${match.view}`);
    const request = new HttpRequest({
      method: recorded.method,
      url: requestTarget(recorded),
      headers: Object.entries(recorded.headers),
      body: recorded.body.byteLength > 0 ? recorded.body : null,
    });
    return describeResponse(await view(request), { throughMiddleware: true });
  },

  ...FUNCTIONS_ONLY,

  errorMatches(pythonType, error) {
    // A wrong kind of argument is a ValueError in Django, a TypeError in JavaScript.
    if (pythonType === 'ValueError') return error instanceof TypeError;
    return error instanceof Error && error.name === pythonType;
  },
};
