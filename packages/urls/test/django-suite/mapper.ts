/**
 * Maps the resolve()/reverse() calls of Django's own urlpatterns and urlpatterns_reverse tests
 * (recorded by tooling/django-suites/record.py, with each urlconf module described as data) onto
 * @reins/urls: each urlconf is rebuilt with path()/rePath()/include(), views are stand-in functions
 * named after Django's module.qualname.
 */
import {
  decode,
  PyCallable,
  standInView,
  Unmapped,
  type Json,
  type Mapper,
  type SuiteFixture,
} from '@reins/django-suites';
import {
  createResolver,
  include,
  path,
  registerConverter,
  rePath,
  ResolverMatch,
  type URLResolver,
  type View,
} from '../../src/index.js';
import type { AnyNode } from '../../src/internal/node-types.js';
import { Buffer } from 'node:buffer';

interface Entry {
  route: string | Record<string, Json>;
  kind?: 're_path';
  view?: string;
  name?: string;
  kwargs?: Json;
  include?: Entry[] | Record<string, Json>;
  include_ref?: string;
  app_name?: string;
  namespace?: string;
}

class IndexError extends Error {
  override name = 'IndexError';
}

const viewFor = (id: string): View => standInView(id) as View;

let urlconfs: Readonly<Record<string, Json>> = {};
const resolvers = new Map<string, URLResolver | Error>();
let currentUrlconf: Json | undefined;
let currentPrefix = '/';

// The converters Django's test urlconfs register (tests/urlpatterns/converters.py), in TypeScript.
/**
 * DynamicConverter calls the function the test registered; the tests' functions, in TypeScript
 * (Django's ValueError — "no match" — is a RangeError here).
 */
let dynamic: Record<string, string> = {};
const DYNAMIC_FUNCTIONS: Record<string, (value: unknown) => unknown> = {
  raises_value_error: () => {
    throw new RangeError('ValueError');
  },
  raises_type_error: () => {
    throw new TypeError('This type error propagates.');
  },
  requires_tiny_int: (value) => {
    if ((value as number) > 5) throw new RangeError('ValueError');
    return value;
  },
};

function callDynamic(kind: 'to_python' | 'to_url', value: unknown): unknown {
  const id = dynamic[kind];
  if (id === undefined) throw new TypeError("'NoneType' object is not callable");
  const fn = DYNAMIC_FUNCTIONS[id.slice(id.lastIndexOf('.') + 1)];
  if (fn === undefined) throw new Error(`no TypeScript port of ${id}`);
  return fn(value);
}

for (const name of ['dynamic', 'to_url_value_error']) {
  registerConverter(name, {
    regex: '[0-9a-zA-Z]+',
    toJs: (value: string) => callDynamic('to_python', value),
    toUrl: (value: unknown) => String(callDynamic('to_url', value)),
  });
}

registerConverter('base64', {
  regex: '[a-zA-Z0-9+/]*={0,2}',
  toJs: (value: string) => new Uint8Array(Buffer.from(value, 'base64')),
  toUrl: (value: Uint8Array) => Buffer.from(value).toString('base64'),
});

/**
 * Django includes urlconf modules lazily, so a module may include itself (namespace_urls does);
 * reins' patterns are arrays built eagerly, so a module is expanded at most twice in one chain and
 * the include that would repeat it again is left out.
 */
function build(entries: Entry[], chain: string[] = []): AnyNode[] {
  const nodes: AnyNode[] = [];
  for (const entry of entries) {
    if (entry.include_ref !== undefined && chain.filter((n) => n === entry.include_ref).length >= 2)
      continue;
    nodes.push(buildEntry(entry, chain));
  }
  return nodes;
}

function buildEntry(entry: Entry, chain: string[]): AnyNode {
  {
    if (typeof entry.route !== 'string') {
      throw new Unmapped(`a ${JSON.stringify(entry.route.$opaque)} pattern (i18n_patterns)`);
    }
    const declare = (entry.kind === 're_path' ? rePath : path) as (...args: unknown[]) => AnyNode;
    const kwargs =
      entry.kwargs === undefined
        ? undefined
        : (decode(entry.kwargs, new Map()) as Record<string, unknown>);
    let children: Entry[] | undefined;
    if (entry.include_ref !== undefined) children = patternsOf(entry.include_ref);
    else if (entry.include !== undefined) {
      if (!Array.isArray(entry.include)) throw new Unmapped('an include() Django could not load');
      children = entry.include;
    }
    if (children !== undefined) {
      const nodes = build(
        children,
        entry.include_ref === undefined ? chain : [...chain, entry.include_ref],
      );
      const spec =
        entry.app_name === undefined
          ? (include as (p: AnyNode[], o: object) => ReturnType<typeof include>)(nodes, {
              namespace: entry.namespace,
            })
          : include(
              { urlpatterns: nodes, appName: entry.app_name },
              { namespace: entry.namespace },
            );
      return declare(entry.route, spec, kwargs === undefined ? {} : { kwargs });
    }
    const options: Record<string, unknown> = {};
    if (entry.name !== undefined) options.name = entry.name;
    if (kwargs !== undefined) options.kwargs = kwargs;
    return declare(entry.route, viewFor(entry.view ?? '?'), options);
  }
}

function patternsOf(name: string): Entry[] {
  const described = urlconfs[name];
  if (!Array.isArray(described)) {
    throw new Unmapped(`urlconf ${name} could not be described (${JSON.stringify(described)})`);
  }
  return described as unknown as Entry[];
}

function resolver(): URLResolver {
  const name = currentUrlconf;
  if (typeof name !== 'string') throw new Unmapped('a urlconf given as an object');
  const key = `${name} ${currentPrefix}`;
  let found = resolvers.get(key);
  if (found === undefined) {
    try {
      found = createResolver(build(patternsOf(name), [name]), { scriptPrefix: currentPrefix });
    } catch (error) {
      found = error instanceof Error ? error : new Error(String(error));
    }
    resolvers.set(key, found);
  }
  // reins checks a urlconf when it is built, Django when it is first used: either way the first
  // resolve()/reverse() over it fails, with the error compared to Django's.
  if (found instanceof Error) throw found;
  return found;
}

const MATCH_ATTRIBUTES: Record<string, (m: ResolverMatch) => unknown> = {
  func: (m) => m.func,
  args: (m) => m.args,
  kwargs: (m) => m.kwargs,
  url_name: (m) => m.urlName,
  route: (m) => m.route,
  app_name: (m) => m.appName,
  app_names: (m) => m.appNames,
  namespace: (m) => m.namespace,
  namespaces: (m) => m.namespaces,
  view_name: (m) => m.viewName,
};

const ERROR_NAMES: Record<string, readonly string[]> = {
  Resolver404: ['Resolver404'],
  NoReverseMatch: ['NoReverseMatch'],
  ImproperlyConfigured: ['ImproperlyConfigured'],
  ValueError: ['ValueError', 'TypeError', 'RangeError'],
  TypeError: ['TypeError'],
};

function errorName(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return (error as { code?: string }).code === undefined ? error.name : error.name;
}

/** The @reins/urls mapper. */
export const urlsMapper: Mapper = {
  beginFixture(fixture: SuiteFixture) {
    urlconfs = fixture.urlconfs ?? {};
    resolvers.clear();
  },

  beforeOp(op) {
    dynamic = (op as { dynamic_converter?: Record<string, string> }).dynamic_converter ?? {};
    currentUrlconf = op.urlconf;
    currentPrefix = op.script_prefix ?? '/';
  },

  construct(type) {
    throw new Unmapped(`new ${type}`);
  },

  fn(name, args, kwargs) {
    if (name === 'django.urls.resolve') {
      const [pathArg] = args;
      if (typeof pathArg !== 'string') throw new Unmapped('resolve() of a non-string');
      return resolver().resolve(pathArg);
    }
    if (name === 'django.urls.reverse') {
      const names = ['viewname', 'urlconf', 'args', 'kwargs', 'current_app'];
      const a: Record<string, unknown> = { ...kwargs };
      names.forEach((n, i) => {
        if (i < args.length) a[n] = args[i];
      });
      const viewname = a.viewname instanceof PyCallable ? viewFor(a.viewname.id) : a.viewname;
      if (viewname !== null && typeof viewname !== 'string' && typeof viewname !== 'function') {
        throw new Unmapped('reverse() of something other than a name, a view or None');
      }
      const options: Record<string, unknown> = {};
      if (a.args !== undefined && a.args !== null)
        options.args = [...(a.args as Iterable<unknown>)];
      if (a.kwargs !== undefined && a.kwargs !== null) options.kwargs = a.kwargs;
      if (a.current_app !== undefined) options.currentApp = a.current_app;
      return (resolver().reverse as (v: unknown, o: object) => string)(viewname, options);
    }
    if (name === 'django.urls.path' || name === 'django.urls.re_path') {
      const names = ['route', 'view', 'kwargs', 'name'];
      const a: Record<string, unknown> = { ...kwargs };
      names.forEach((n, i) => {
        if (i < args.length) a[n] = args[i];
      });
      const view = a.view instanceof PyCallable ? viewFor(a.view.id) : a.view;
      const options: Record<string, unknown> = {};
      if (a.kwargs !== undefined && a.kwargs !== null) options.kwargs = a.kwargs;
      if (a.name !== undefined && a.name !== null) options.name = a.name;
      const declare = (name === 'django.urls.path' ? path : rePath) as (...x: unknown[]) => unknown;
      return declare(a.route, view, options);
    }
    throw new Unmapped(name);
  },

  call(target, type, name, args) {
    if (target instanceof ResolverMatch) {
      if (name === '__getitem__') {
        // Django's match unpacks as the tuple (func, args, kwargs).
        const index = args[0] as number;
        if (index > 2) throw new IndexError('tuple index out of range');
        const match = target as ResolverMatch;
        return [match.func, match.args, match.kwargs][index];
      }
    }
    throw new Unmapped(`${type}.${name}`);
  },

  get(target, type, name) {
    const read = MATCH_ATTRIBUTES[name];
    if (target instanceof ResolverMatch && read !== undefined) return read(target as ResolverMatch);
    throw new Unmapped(`${type}.${name}`);
  },

  set(_target, type, name) {
    throw new Unmapped(`setting ${type}.${name}`);
  },

  errorMatches(pythonType, error) {
    const names = ERROR_NAMES[pythonType] ?? [pythonType];
    const actual = errorName(error);
    return actual !== undefined && names.includes(actual);
  },
};
