/**
 * The compiled matcher (static map + segment trie + step-by-step fallback) must answer exactly
 * what Django's plain algorithm answers. This test builds random urlconfs — shadowing siblings,
 * includes with parameters in their prefix, converters that refuse values, rePath() leaves and
 * prefixes, extra kwargs at every level — and compares every answer with a direct transcription
 * of Django's `URLResolver.resolve` over the same pattern objects.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyNode } from '../src/internal/node-types.js';
import type { View } from '../src/index.js';
import {
  createResolver,
  include,
  path,
  rePath,
  registerConverter,
  URLPattern,
} from '../src/index.js';

registerConverter('evenprop', {
  regex: '[0-9]+',
  toJs: (value: string) => {
    if (Number(value) % 2 !== 0) throw new RangeError('odd');
    return Number(value);
  },
  toUrl: (value: number) => String(value),
});

interface Found {
  view: View;
  args: readonly unknown[];
  kwargs: Record<string, unknown>;
}

/** Django's URLResolver.resolve, transcribed (first match, children see the remainder). */
function reference(nodes: readonly AnyNode[], rest: string): Found | null {
  for (const node of nodes) {
    const m = node.pattern!.match(rest);
    if (m === null) continue;
    if (node instanceof URLPattern) {
      return { view: node.callback, args: m.args, kwargs: { ...m.kwargs, ...node.defaultArgs } };
    }
    const sub = reference(node.urlpatterns, m.rest);
    if (sub === null) continue;
    const kwargs = { ...m.kwargs, ...node.defaultKwargs, ...sub.kwargs };
    const args = Object.keys(kwargs).length === 0 ? [...m.args, ...sub.args] : sub.args;
    return { view: sub.view, args, kwargs };
  }
  return null;
}

const literals = ['a', 'b', 'search', '1', '12', 'x-y'];
const converters = ['int', 'str', 'slug', 'uuid', 'evenprop', 'path'];
const UUID = '6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f';

const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...literals) },
  { weight: 2, arbitrary: fc.constantFrom(...converters).map((c) => ({ c })) },
);

let counter = 0;
function routeFrom(segments: Array<string | { c: string }>, trailing: boolean): string {
  let n = 0;
  const text = segments.map((s) => (typeof s === 'string' ? s : `<${s.c}:p${n++}>`)).join('/');
  return text + (trailing && text !== '' ? '/' : '');
}

const extra = fc.option(fc.constantFrom({ p0: 'extra' }, { k: 1 }, { p1: 5, k: 2 }), {
  nil: undefined,
});

const leaf: fc.Arbitrary<() => AnyNode> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.array(segment, { maxLength: 4 }), fc.boolean(), extra)
      .map(([segments, trailing, kwargs]) => () => {
        const view: View = () => null;
        Object.defineProperty(view, 'name', { value: `v${counter++}` });
        return path(routeFrom(segments, trailing), view, kwargs === undefined ? {} : { kwargs });
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('^a/(\\d+)/$', '^(?P<x>[a-z]+)/$', 'b/$', '^(1)?/?$', '^(?P<p0>[0-9]+)$')
      .map((regex) => () => {
        const view: View = () => null;
        Object.defineProperty(view, 'name', { value: `r${counter++}` });
        return rePath(regex, view);
      }),
  },
);

const prefix = fc.oneof(
  fc
    .tuple(fc.array(segment, { maxLength: 2 }), fc.boolean())
    .map(([s, t]) => ({ kind: 'path' as const, route: routeFrom(s, t) })),
  fc
    .constantFrom('^a/', '^(\\d+)/', '^(?P<p0>[a-z]+)/', 'x-')
    .map((route) => ({ kind: 're' as const, route })),
);

const node: fc.Arbitrary<() => AnyNode> = fc.letrec<{ node: () => AnyNode }>((tie) => ({
  node: fc.oneof(
    { weight: 4, arbitrary: leaf },
    {
      weight: 1,
      depthSize: 'small',
      arbitrary: fc
        .tuple(prefix, fc.array(tie('node'), { maxLength: 4 }), extra)
        .map(([p, children, kwargs]) => () => {
          const spec = include(children.map((make) => make()));
          const options = kwargs === undefined ? {} : { kwargs };
          return p.kind === 'path' ? path(p.route, spec, options) : rePath(p.route, spec, options);
        }),
    },
  ),
})).node;

const pathArb = fc
  .tuple(
    fc.array(
      fc.constantFrom(
        ...['a', 'b', 'search', '1', '12', '2', 'x-y', 'A b', '', 'ü', 'a1'],
        ...[UUID, UUID.toUpperCase(), UUID.slice(1), `${UUID}0`, UUID.replace('-', 'a')],
      ),
      { maxLength: 6 },
    ),
    fc.boolean(),
  )
  .map(([segments, trailing]) => `/${segments.join('/')}${trailing ? '/' : ''}`);

describe('compiled resolve agrees with Django’s algorithm', () => {
  it('on random urlconfs and paths', () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      fc.assert(
        fc.property(
          fc.array(node, { minLength: 1, maxLength: 8 }),
          fc.array(pathArb, { minLength: 1, maxLength: 12 }),
          (makers, paths) => {
            const urlpatterns = makers.map((make) => make());
            // The generated matcher and the interpreter, each against Django's algorithm.
            const resolvers = [
              createResolver(urlpatterns),
              createResolver(urlpatterns, { generateCode: false }),
            ];
            for (const p of paths) {
              const expected = reference(urlpatterns, p.slice(1));
              for (const resolver of resolvers) {
                const actual = resolver.match(p);
                if (expected === null) {
                  expect(actual).toBeNull();
                } else {
                  expect(actual).not.toBeNull();
                  expect(actual!.view).toBe(expected.view);
                  expect(actual!.kwargs).toEqual(expected.kwargs);
                  expect(actual!.args).toEqual(expected.args);
                }
              }
            }
          },
        ),
        { numRuns: 2000 },
      );
    } finally {
      console.warn = warn;
    }
  });
});

describe('long routes and uuid placeholders (checked by one regex in the generated code)', () => {
  // Paths are made from the routes themselves, so most of them match something or nearly do.
  const values: Record<string, string[]> = {
    int: ['7', '042', 'x'],
    str: ['a', 'search', UUID],
    slug: ['x-y', 'a_1', 'a.b'],
    uuid: [UUID, UUID.toUpperCase(), UUID.slice(2)],
  };
  const piece = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'search', '') },
    { weight: 3, arbitrary: fc.constantFrom('int', 'str', 'slug', 'uuid').map((c) => ({ c })) },
  );
  const route = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 7 }), fc.boolean());
  it('agree with Django’s algorithm, generated and interpreted', () => {
    fc.assert(
      fc.property(
        fc.array(route, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(2), { minLength: 7, maxLength: 7 }))),
        (routes, picks) => {
          const urlpatterns = routes.map(([segments, trailing], i) => {
            const view: View = () => i;
            return path(routeFrom(segments, trailing), view);
          });
          const resolvers = [
            createResolver(urlpatterns),
            createResolver(urlpatterns, { generateCode: false }),
          ];
          for (const [which, choices] of picks) {
            const [segments, trailing] = routes[which % routes.length]!;
            const text = segments
              .map((s, k) => (typeof s === 'string' ? s : values[s.c]![choices[k]!]!))
              .join('/');
            const p = `/${text}${trailing && text !== '' ? '/' : ''}`;
            const expected = reference(urlpatterns, p.slice(1));
            for (const resolver of resolvers) {
              const actual = resolver.match(p);
              expect(actual?.view).toBe(expected?.view);
              expect(actual?.kwargs).toEqual(expected?.kwargs);
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('generated matcher on a large table (split into several functions)', () => {
  it('answers as the interpreter on the GitHub API table', () => {
    const lines = readFileSync(
      new URL('../bench/data/github-routes.txt', import.meta.url),
      'utf8',
    ).split('\n');
    const routes = [
      ...new Set(
        lines
          .map((l) => /^\w+ (\/\S*)$/.exec(l.trim())?.[1])
          .filter((p): p is string => p !== undefined),
      ),
    ];
    const urlpatterns = routes.map((p, i) => {
      const view: View = () => i;
      return path(
        p
          .slice(1)
          .replace(/:(\w+)/g, (_m, name: string) => `<${i % 3 === 0 ? 'slug' : 'str'}:${name}>`),
        view,
        { name: `r${i}` },
      );
    });
    const generated = createResolver(urlpatterns);
    const interpreted = createResolver(urlpatterns, { generateCode: false });
    const words = [
      ...new Set(routes.flatMap((p) => p.split('/')).filter((w) => w !== '' && !w.startsWith(':'))),
    ];
    const pathArb2 = fc
      .tuple(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom('x', 'a.b', '42', '')), {
          maxLength: 6,
        }),
        fc.boolean(),
      )
      .map(([segments, trailing]) => `/${segments.join('/')}${trailing ? '/' : ''}`);
    fc.assert(
      fc.property(pathArb2, (p) => {
        const a = generated.match(p);
        const b = interpreted.match(p);
        expect(a?.viewName).toBe(b?.viewName);
        expect(a?.kwargs).toEqual(b?.kwargs);
      }),
      { numRuns: 3000 },
    );
    // Sanity: the table does resolve through the generated code.
    expect(generated.match('/repos/julienschmidt/httprouter/pulls/42/comments')?.kwargs).toEqual({
      owner: 'julienschmidt',
      repo: 'httprouter',
      number: '42',
    });
  });
});
