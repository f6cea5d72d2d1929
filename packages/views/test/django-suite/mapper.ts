/**
 * Maps the exchanges of Django's own generic_views tests (recorded by
 * tooling/django-suites/record.py) onto @reins/views: an `as_view()` call, a call of the view
 * function it returned with a RequestFactory request, a test client request routed by the test
 * urlconf, and the calls a test makes on a view instance it made itself. Views are the ported
 * classes of ported-views.ts; templates are the ones the recording rendered (the fixture's
 * `templates`), with Django's test settings' `request` context processor.
 */
import {
  camelKeys,
  describeResponse,
  isResponse,
  recordedRequest,
  requestTarget,
  Unmapped,
  type Json,
  type Mapper,
  type RecordedRequest,
  type SuiteFixture,
} from '@reins/django-suites';
import { Http404, HttpRequest } from '@reins/http';
import { setDefaultUrlconf, setTemplates } from '@reins/shortcuts';
import { Engine } from '@reins/templates';
import { ImproperlyConfigured, Page, Paginator, View } from '../../src/index.js';
import type { ViewClass, ViewFunction } from '../../src/index.js';
import { PORTED_VIEWS } from './ported-views.js';

const requests = new WeakMap<object, RecordedRequest>();

function toRequest(value: unknown): unknown {
  const recorded = recordedRequest(value);
  if (recorded === undefined) return value;
  const request = new HttpRequest({
    method: recorded.method,
    url: requestTarget(recorded),
    headers: Object.entries(recorded.headers),
    body: recorded.body.byteLength > 0 ? recorded.body : null,
  });
  requests.set(request, recorded);
  return request;
}

function idOf(cls: unknown): string | undefined {
  for (const [id, ported] of PORTED_VIEWS) if (ported === cls) return id;
  return undefined;
}

function classFor(id: string): ViewClass {
  const cls = PORTED_VIEWS.get(id);
  if (cls === undefined) throw new Unmapped(`view ${id} is not ported`, `view ${id}`);
  return cls;
}

/** A class by Django's `__qualname__` (the `new` ops name it so). */
function classByQualname(qualname: string): ViewClass {
  for (const [id, cls] of PORTED_VIEWS) if (id.endsWith(`.${qualname}`)) return cls;
  throw new Unmapped(`view ${qualname} is not ported`, `view ${qualname}`);
}

/** A context value as record.py writes it: a view as `{ view_class }`. */
function contextValue(value: unknown): unknown {
  if (value instanceof View) return { view_class: idOf(value.constructor) };
  // A paginator and a page by what the templates read of them.
  if (value instanceof Paginator)
    return {
      paginator: {
        count: value.count,
        num_pages: value.numPages,
        per_page: value.perPage,
        orphans: value.orphans,
        page_range: value.pageRange,
      },
    };
  if (value instanceof Page)
    return {
      page: {
        number: value.number,
        object_list: value.objectList,
        has_next: value.hasNext(),
        has_previous: value.hasPrevious(),
        start_index: value.startIndex(),
        end_index: value.endIndex(),
      },
    };
  return undefined;
}

async function answer(result: unknown, throughMiddleware = false): Promise<unknown> {
  if (isResponse(result)) return describeResponse(result, { throughMiddleware, contextValue });
  return result;
}

function asView(cls: ViewClass, args: unknown[], kwargs: Record<string, unknown>): ViewFunction {
  // Django's as_view() takes keywords only; a positional argument is a TypeError there too.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- applied with cls as this
  if (args.length > 0) return Reflect.apply(cls.asView, cls, args) as ViewFunction;
  return cls.asView(camelKeys(kwargs));
}

// generic_views/urls.py: path('detail/artist/<int:pk>/', …, name='artist_detail') — the one name a
// RedirectView reverses. @reins/views may not depend on @reins/urls; this stands in for it.
const reverser = {
  reverse(name: string, options: { args?: unknown[]; kwargs?: Record<string, unknown> } = {}) {
    if (name !== 'artist_detail')
      throw Object.assign(new Error(`Reverse for '${name}' not found.`), {
        code: 'urls.no_reverse_match',
      });
    return `/detail/artist/${String(options.args?.[0] ?? options.kwargs?.['pk'])}/`;
  },
};

// generic_views/about.html prints {% now "U.u" %}: the clock at the render, never the same twice.
const ABOUT = /^<h1>About<\/h1>\n\d+\.\d{6}\n$/;

/** The mapper of the views suite. */
export const viewsMapper: Mapper = {
  beginFixture(fixture: SuiteFixture) {
    const templates = (fixture as SuiteFixture & { templates?: Record<string, string> }).templates;
    // runtests.py's TEMPLATES has django.template.context_processors.request.
    setTemplates(
      new Engine({ templates: templates ?? {}, contextProcessors: [(request) => ({ request })] }),
    );
    setDefaultUrlconf(reverser);
  },

  construct(type, args, kwargs) {
    const cls = classByQualname(type);
    if (args.length > 0) throw new Unmapped(`positional arguments to ${type}()`);
    // Django's View.__init__ sets each keyword as an attribute.
    return Object.assign(new cls(), camelKeys(kwargs));
  },

  async fn(name, args, kwargs) {
    if (name === 'django.views.View.as_view') {
      const [target, ...rest] = args as [{ class: string }, ...unknown[]];
      return asView(classFor(target.class), rest, kwargs);
    }
    if (name === 'django.views.View.as_view()') {
      const [target, request, ...rest] = args as [
        { class: string; initkwargs: Record<string, unknown> },
        unknown,
        ...unknown[],
      ];
      const view = asView(classFor(target.class), [], target.initkwargs);
      return answer(await view(toRequest(request) as HttpRequest, kwargs, ...(rest as string[])));
    }
    if (name === 'django.test.Client.request') {
      const [request, match] = args as [
        unknown,
        {
          view: string;
          class?: string;
          initkwargs?: Record<string, unknown>;
          args: string[];
          kwargs: Record<string, unknown>;
        },
      ];
      if (match.class === undefined) throw new Unmapped(`view ${match.view}`, `view ${match.view}`);
      const view = asView(classFor(match.class), [], match.initkwargs ?? {});
      const built = toRequest({ $request: request }) as HttpRequest;
      return answer(await view(built, match.kwargs, ...match.args), true);
    }
    throw new Unmapped(name);
  },

  async call(target, _type, name, args, kwargs) {
    const view = target as View & Record<string, unknown>;
    const decoded = args.map(toRequest);
    switch (name) {
      case 'setup':
        return view.setup(decoded[0] as HttpRequest, kwargs, ...(decoded.slice(1) as string[]));
      case 'dispatch':
      case 'get':
      case 'post':
      case 'options':
      case 'head': {
        const handlers = view as unknown as Record<string, (...a: unknown[]) => unknown>;
        return answer(await handlers[name]?.(decoded[0], kwargs, ...decoded.slice(1)));
      }
      case 'get_context_data':
        return (view as unknown as { getContextData(k: object): unknown }).getContextData(kwargs);
      case 'get_template_names':
        return (view as unknown as { getTemplateNames(): unknown }).getTemplateNames();
      default:
        throw new Unmapped(`View.${name}`);
    }
  },

  get(target, _type, name) {
    const value = (target as Record<string, unknown>)[
      name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
    ];
    return value;
  },

  set(target, _type, name, value) {
    (target as Record<string, unknown>)[
      name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
    ] = value;
  },

  normalize(value, expected: Json) {
    if (typeof value === 'function' && 'viewClass' in value)
      return { view_class: idOf((value as ViewFunction).viewClass) };
    if (value instanceof HttpRequest) {
      const recorded = requests.get(value);
      return recorded === undefined ? value : { $request: recorded };
    }
    const described = value as Record<string, unknown> | null;
    const want =
      expected !== null && typeof expected === 'object' && !Array.isArray(expected)
        ? (expected['$dict'] as [string, Json][] | undefined)
        : undefined;
    const content = want?.find(([k]) => k === 'content')?.[1] as { $bytes?: string } | undefined;
    if (
      described !== null &&
      typeof described === 'object' &&
      described['content'] instanceof Uint8Array &&
      content?.$bytes !== undefined &&
      ABOUT.test(content.$bytes) &&
      ABOUT.test(Buffer.from(described['content']).toString('latin1'))
    ) {
      return { ...described, content: Buffer.from(content.$bytes, 'latin1') };
    }
    return value;
  },

  errorMatches(pythonType, error) {
    switch (pythonType) {
      case 'TypeError':
        return error instanceof TypeError;
      // JavaScript has no AttributeError: setup() without super() is a TypeError in reins.
      case 'AttributeError':
        return error instanceof TypeError;
      case 'ImproperlyConfigured':
        return ImproperlyConfigured.isInstance(error);
      case 'Http404':
        return Http404.isInstance(error);
      default:
        return error instanceof Error && error.name === pythonType;
    }
  },
};
