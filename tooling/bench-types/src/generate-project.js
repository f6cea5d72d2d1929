// @ts-check
/**
 * Write a Django-shaped reins project of `routes` routes in `apps` included apps, with one typed
 * `reverse()` (or `redirect()`) call per route, spread over a file per app as a real project is.
 * The variants differ in `src/reins.ts` and the registration only: the typed ones re-export the
 * real `@reins/urls` and `@reins/shortcuts`, the untyped one declares stand-ins taking plain
 * strings and `any` params; every other file is byte-identical, so the difference in tsc time is
 * what the route types cost. `typed` registers `typeof urlconf` (names inferred from the
 * `path()` calls); `generated` registers nothing itself: `reins typegen` writes
 * `src/reins-urls.gen.d.ts` from the loaded urlconf (the caller runs it, see index.js).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** @typedef {'typed' | 'generated' | 'untyped'} Variant */
/** @typedef {'shortcuts' | 'resolver'} CallStyle */

/**
 * Route shapes, cycled through within an app: the route after the item prefix, the params a view
 * receives, the kwargs a reverse() call passes, and extra kwargs of the pattern.
 * @type {Array<{ route: string; params: string; kwargs: string; extra?: string }>}
 */
const shapes = [
  { route: '', params: '', kwargs: '' },
  { route: '<int:pk>/', params: 'pk: number', kwargs: 'pk: 1' },
  { route: '<slug:slug>/', params: 'slug: string', kwargs: "slug: 'a-b'" },
  {
    route: '<int:year>/<int:month>/<slug:slug>/',
    params: 'year: number; month: number; slug: string',
    kwargs: "year: 2024, month: 5, slug: 'hello'",
  },
  {
    route: '<uuid:id>/edit/',
    params: 'id: string',
    kwargs: "id: '6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f'",
  },
  { route: 'files/<path:rest>', params: 'rest: string', kwargs: "rest: 'a/b.txt'" },
  {
    route: '<str:user>/<int:pk>/',
    params: 'user: string; pk: number; format: string',
    kwargs: "user: 'ann', pk: 2",
    extra: "{ format: 'html' }",
  },
  { route: 'archive/', params: '', kwargs: '' },
];

/** Two routes per app sit in a nested, un-namespaced include with a converter in its prefix. */
const NESTED = 2;

/**
 * @param {number} app
 * @param {number} perApp
 */
function appUrls(app, perApp) {
  const lines = [
    `import { include, path } from '../../reins.js';`,
    `import type { Req } from '../../req.js';`,
    '',
  ];
  const flat = perApp - NESTED;
  /** @type {string[]} */
  const patterns = [];
  /** @type {Array<{ name: string; kwargs: string }>} */
  const calls = [];
  for (let i = 0; i < flat; i++) {
    const shape = /** @type {(typeof shapes)[number]} */ (shapes[i % shapes.length]);
    const name = i === 0 ? 'index' : `item-${i}`;
    const route = i === 0 ? '' : `items-${i}/${shape.route}`;
    const options = shape.extra
      ? `{ name: '${name}', kwargs: ${shape.extra} }`
      : `{ name: '${name}' }`;
    const keys = shape.params
      .split(';')
      .map((p) => p.split(':')[0]?.trim())
      .filter(Boolean);
    // Half the views are inline and take their params from the route (contextual typing), half
    // are declared functions with annotated params, checked against the route.
    if (i % 2 === 0) {
      const destructure = keys.length ? `{ ${keys.join(', ')} }` : '_params';
      const body = keys.length ? `[${keys.join(', ')}].join('/')` : `request.method`;
      patterns.push(`  path('${route}', (request: Req, ${destructure}) => ${body}, ${options}),`);
    } else {
      const params = shape.params ? `{ ${shape.params} }` : 'Record<never, never>';
      const body = keys.length ? `String(params.${keys[0]})` : 'request.method';
      lines.push(
        `function view${i}(request: Req, params: ${params}): string {`,
        `  return request.method + ${body};`,
        `}`,
      );
      patterns.push(`  path('${route}', view${i}, ${options}),`);
    }
    calls.push({ name: `app${app}:${name}`, kwargs: shape.kwargs });
  }
  lines.push(
    '',
    'const members = [',
    `  path('', (request: Req) => request.method, { name: 'member-list' }),`,
    `  path('<uuid:member>/', (_request: Req, { member }) => member, { name: 'member-detail' }),`,
    '];',
    '',
    'export const urlpatterns = [',
    ...patterns,
    `  path('orgs/<slug:org>/members/', include(members)),`,
    '];',
  );
  calls.push(
    { name: `app${app}:member-list`, kwargs: "org: 'acme'" },
    {
      name: `app${app}:member-detail`,
      kwargs: "org: 'acme', member: '6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f'",
    },
  );
  return { source: lines.join('\n') + '\n', calls };
}

/**
 * @param {Array<{ name: string; kwargs: string }>} calls
 * @param {CallStyle} style
 */
function callsFile(calls, style) {
  const lines =
    style === 'shortcuts'
      ? [`import { redirect, reverse } from '../../reins.js';`, '']
      : [`import { urlconf } from '../../urls.js';`, ''];
  lines.push('export function links(): unknown[] {', '  return [');
  calls.forEach(({ name, kwargs }, index) => {
    const options = kwargs ? `, { kwargs: { ${kwargs} } }` : '';
    const fn = style === 'resolver' ? 'urlconf.reverse' : index % 5 === 4 ? 'redirect' : 'reverse';
    lines.push(`    ${fn}('${name}'${options}),`);
  });
  lines.push('  ];', '}');
  return lines.join('\n') + '\n';
}

/**
 * @param {'typed' | 'untyped'} variant
 */
function reinsModule(variant) {
  if (variant === 'typed') {
    return [
      `export { createResolver, include, path } from '@reins/urls';`,
      `export { redirect, reverse } from '@reins/shortcuts';`,
      '',
    ].join('\n');
  }
  return [
    '/* eslint-disable */',
    '// Untyped stand-ins: routes are plain strings, params are any, names are any string.',
    'export interface Node { readonly node: true }',
    'export interface Options { args?: readonly unknown[]; kwargs?: Record<string, unknown> }',
    'export declare function path(route: string, target: Node[] | ((request: any, params: any) => unknown) | Include, options?: { name?: string; kwargs?: Record<string, unknown> }): Node;',
    'export interface Include { readonly include: true }',
    'export declare function include(arg: readonly Node[] | { urlpatterns: readonly Node[]; appName: string }, options?: { namespace?: string }): Include;',
    'export declare function createResolver(patterns: readonly Node[]): { reverse(name: string, options?: Options): string };',
    'export declare function reverse(name: string, options?: Options): string;',
    'export declare function redirect(to: string, options?: Options): { status: number };',
    '',
  ].join('\n');
}

/**
 * Write the project into `dir` (emptied first) and return the files a completion probe can open.
 *
 * @param {{ dir: string; routes: number; apps: number; variant: Variant; style: CallStyle }} spec
 * @returns {{ callsFile: string }}
 */
export function generateProject({ dir, routes, apps, variant, style }) {
  const real = variant === 'untyped' ? 'untyped' : 'typed';
  rmSync(dir, { recursive: true, force: true });
  /** @param {string} file @param {string} text */
  const write = (file, text) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  const perApp = Math.ceil(routes / apps);
  write(
    'tsconfig.json',
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          moduleDetection: 'force',
          strict: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          skipLibCheck: true,
          noEmit: true,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  write('src/reins.ts', reinsModule(real));
  write('src/req.ts', 'export interface Req { method: string; path: string }\n');
  const urls = [`import { createResolver, include, path } from './reins.js';`];
  const mounts = [];
  for (let app = 0; app < apps; app++) {
    const { source, calls } = appUrls(app, perApp);
    write(`src/apps/app${app}/urls.ts`, source);
    write(`src/apps/app${app}/links.ts`, callsFile(calls, style));
    urls.push(`import { urlpatterns as app${app} } from './apps/app${app}/urls.js';`);
    mounts.push(`  path('app${app}/', include({ urlpatterns: app${app}, appName: 'app${app}' })),`);
  }
  urls.push('', 'export const urlconf = createResolver([', ...mounts, ']);', '');
  if (variant === 'typed' && style === 'shortcuts') {
    urls.push(
      '// Registered once: reverse() and redirect() of @reins/shortcuts know every name below.',
      `declare module '@reins/shortcuts' {`,
      '  interface Register {',
      '    urlconf: typeof urlconf;',
      '  }',
      '}',
      '',
    );
  }
  write('src/urls.ts', urls.join('\n'));
  return { callsFile: join(dir, 'src/apps/app0/links.ts') };
}
