/**
 * What `reins typegen` writes: a declaration file giving `Register` of @reins/shortcuts a flat
 * interface of every URL name and the kwargs `reverse()` takes for it, read from the loaded
 * urlconf rather than inferred from its `path()` calls. The checker and the editor then read one
 * interface, whatever the size of the urlconf (TanStack Router's `routeTree.gen.ts`, React
 * Router's typegen); inferring the names made completion in `reverse('` re-check every route
 * after each keystroke.
 *
 * The kwargs follow Django's `reverse()` (`URLResolver._populate` and `_reverse_with_prefix`): a
 * route's parameters, each typed by its converter (`ConverterTypes` for registered ones), the
 * prefixes of the includes above it, a regex's named groups, and the extra kwargs of the pattern
 * and its includes (the includes' win), which may be omitted and, when given, must equal them.
 *
 * @module
 */

/** The file name `reins typegen` writes by default, beside the app (or `--urlconf`) module. */
export const TYPEGEN_FILE = 'reins-urls.gen.d.ts';

/**
 * A urlconf node as the walk reads it: the public fields of `URLResolver` and `URLPattern` of
 * @reins/urls, read by shape so that a project's own copy of the package works too.
 */
export type UrlconfNode =
  | {
      readonly kind: 'resolver';
      readonly pattern: PatternShape | null;
      readonly urlpatterns: readonly UrlconfNode[];
      readonly namespace: string | null;
      readonly appName: string | null;
      readonly defaultKwargs: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'pattern';
      readonly pattern: PatternShape;
      readonly name: string | null;
      readonly defaultArgs: Readonly<Record<string, unknown>>;
    };

/**
 * What the walk reads of a route or regex: the parameters @reins/urls' `RoutePattern` parsed (each
 * with its converter) and the named groups its Python-regex parser found in a `RegexPattern`.
 */
type PatternShape =
  | {
      readonly kind: 'route';
      readonly source: string;
      readonly paramNames: readonly string[];
      readonly converters: ReadonlyMap<string, { readonly name: string }>;
    }
  | {
      readonly kind: 'regex';
      readonly source: string;
      readonly parsed: { readonly groupNames: readonly string[] };
    };

type ResolverNode = Extract<UrlconfNode, { kind: 'resolver' }>;

/** The type `reverse()` takes for a built-in converter's value. */
const BUILTIN_TYPES: Readonly<Record<string, string>> = {
  int: 'number',
  str: 'string',
  slug: 'string',
  uuid: 'string',
  path: 'string',
};

// A regex group's value is matched against its text after str(): Django takes any value, and
// numbers are what digit groups are usually given.
const REGEX_GROUP_TYPE = 'string | number';

/** One parameter of a name's kwargs: its TypeScript type, and whether it may be omitted. */
interface Param {
  type: string;
  optional: boolean;
}

/** What the walk carries down from the includes above a node. */
interface Scope {
  /** The namespace prefixes a name below may take (`['']` at the root, `['polls:']` below). */
  prefixes: readonly string[];
  /** The route so far, for the comments (`blog/<int:year>/`). */
  route: string;
  params: ReadonlyMap<string, string>;
  /** The includes' extra kwargs, outermost last (it wins). */
  includeKwargs: readonly Readonly<Record<string, unknown>>[];
  /** Whether a converter type comes from `ConverterTypes`, so the file imports it. */
  usesConverterTypes: { value: boolean };
}

/** One name's entry: every pattern it names (a name may be given twice). */
interface Entry {
  routes: string[];
  kwargs: string[];
}

/** The parameters a route or regex captures (`<int:pk>` → `pk: number`), in order. */
function patternParams(pattern: PatternShape | null, scope: Scope): Map<string, string> {
  const params = new Map<string, string>();
  if (pattern === null) return params;
  if (pattern.kind === 'regex') {
    for (const name of pattern.parsed.groupNames) params.set(name, REGEX_GROUP_TYPE);
    return params;
  }
  for (const name of pattern.paramNames) {
    const converter = pattern.converters.get(name)!.name;
    const builtin = BUILTIN_TYPES[converter];
    if (builtin === undefined) scope.usesConverterTypes.value = true;
    params.set(name, builtin ?? `Converted<${stringLiteral(converter)}>`);
  }
  return params;
}

// As Django's _join_route drops a regex's '^' after a prefix; the comment's path starts with '/'.
function joinRoute(prefix: string, source: string): string {
  return prefix + (source.startsWith('^') ? source.slice(1) : source);
}

function stringLiteral(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** The type of an extra kwarg's value: the value itself, as `reverse()` must be given it. */
function valueType(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return stringLiteral(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'number';
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    default:
      return value === null ? 'null' : 'unknown';
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/** The kwargs type of a leaf: `{ pk: number; format?: 'html' }`. */
function kwargsType(
  params: ReadonlyMap<string, string>,
  defaults: Record<string, unknown>,
): string {
  const all = new Map<string, Param>();
  for (const [name, type] of params) all.set(name, { type, optional: false });
  for (const [name, value] of Object.entries(defaults)) {
    // Django skips a candidate whose given value differs from the default, so a given value must
    // be the default itself; an unrepresentable default keeps the parameter's own type.
    const literal = valueType(value);
    const type = literal === 'unknown' ? (all.get(name)?.type ?? 'unknown') : literal;
    all.set(name, { type, optional: true });
  }
  if (all.size === 0) return 'Record<never, never>';
  const members = [...all].map(
    ([name, { type, optional }]) => `${propertyKey(name)}${optional ? '?' : ''}: ${type}`,
  );
  return `{ ${members.join('; ')} }`;
}

function walk(resolver: ResolverNode, scope: Scope, entries: Map<string, Entry>): void {
  for (const node of resolver.urlpatterns) {
    const params = new Map([...scope.params, ...patternParams(node.pattern, scope)]);
    const route = joinRoute(scope.route, node.pattern?.source ?? '');
    if (node.kind === 'resolver') {
      const namespaces =
        node.namespace === null
          ? []
          : [...new Set([node.namespace, node.appName ?? node.namespace])];
      walk(
        node,
        {
          ...scope,
          prefixes:
            namespaces.length === 0
              ? scope.prefixes
              : scope.prefixes.flatMap((prefix) => namespaces.map((ns) => `${prefix}${ns}:`)),
          route,
          params,
          includeKwargs: [node.defaultKwargs, ...scope.includeKwargs],
        },
        entries,
      );
      continue;
    }
    if (node.name === null) continue;
    // Django: {**leaf defaults, **include kwargs}, each include's over the ones inside it.
    const defaults: Record<string, unknown> = { ...node.defaultArgs };
    for (const kwargs of scope.includeKwargs) Object.assign(defaults, kwargs);
    const kwargs = kwargsType(params, defaults);
    for (const prefix of scope.prefixes) {
      const name = `${prefix}${node.name}`;
      const entry = entries.get(name) ?? { routes: [], kwargs: [] };
      entries.set(name, entry);
      entry.routes.push(`/${route}`);
      if (!entry.kwargs.includes(kwargs)) entry.kwargs.push(kwargs);
    }
  }
}

/** A comment line can hold any route: `*\/` would end it. */
function commentText(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

/**
 * The declaration file for `resolver`: its URL names in code-unit order, each with its kwargs
 * and, in a comment, its routes. The text depends on nothing else (no date, no path), so
 * `reins typegen --check` can compare it with the committed file.
 *
 * @example
 * writeFileSync('src/reins-urls.gen.d.ts', generateUrlTypes(app.resolver));
 */
export function generateUrlTypes(resolver: ResolverNode): string {
  const entries = new Map<string, Entry>();
  const usesConverterTypes = { value: false };
  walk(
    resolver,
    {
      prefixes: [''],
      route: '',
      params: new Map(),
      includeKwargs: [],
      usesConverterTypes,
    },
    entries,
  );
  const names = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = [
    `// Generated by \`reins typegen\` from the project's urlconf: every URL name with the kwargs`,
    '// reverse() and redirect() of @reins/shortcuts take for it. Do not edit: run `reins typegen`',
    '// after changing the urlconf (`reins typegen --check` exits 1 while this file is out of date).',
  ];
  if (usesConverterTypes.value) {
    lines.push(
      "import type { ConverterTypes } from '@reins/urls';",
      '',
      '/** What a registered converter gives, from its `ConverterTypes` entry (else unknown). */',
      'type Converted<Name extends string> = Name extends keyof ConverterTypes',
      '  ? ConverterTypes[Name]',
      '  : unknown;',
    );
  }
  lines.push(
    '',
    'export {};',
    '',
    "declare module '@reins/shortcuts' {",
    '  interface Register {',
    '    urlKwargs: ReinsUrlKwargs;',
    '  }',
    '}',
    '',
    '/** Every URL name of the urlconf, with the kwargs reverse() takes for it. */',
    'interface ReinsUrlKwargs {',
  );
  for (const name of names) {
    const { routes, kwargs } = entries.get(name)!;
    lines.push(`  /** ${commentText(routes.join(', '))} */`);
    lines.push(`  ${propertyKey(name)}: ${kwargs.join(' | ')};`);
  }
  lines.push('}', '');
  return lines.join('\n');
}
