/**
 * `describeUrlconf()`: every pattern of a urlconf with its full route, name and view, in
 * declaration order — what `reins show-urls` prints.
 *
 * @module
 */
import type { AnyNode } from './internal/node-types.js';
import { ResolveEngine } from './internal/resolve-engine.js';
import type { View } from './route-params.js';
import { viewPath } from './url-pattern.js';
import { URLResolver } from './url-resolver.js';

/** One line of `describeUrlconf()`. */
export interface UrlconfEntry {
  /** The full route, include prefixes joined, as `ResolverMatch.route` (`blog/<int:pk>/`). */
  route: string;
  /** `route` as a path from the root (`/blog/<int:pk>/`). */
  path: string;
  /** The name to pass to `reverse()`, namespaced (`blog:post`), or null when unnamed. */
  name: string | null;
  /** The view's name (the function's name). */
  viewName: string;
  view: View;
  /** Whether the leaf is a `path()` route or a `rePath()` regex. */
  kind: 'route' | 'regex';
  namespace: string;
  appName: string;
}

/**
 * List every pattern of a urlconf, in declaration order.
 *
 * @example
 * for (const e of describeUrlconf(urlpatterns)) console.log(e.path, e.viewName, e.name ?? '');
 */
export function describeUrlconf(urlpatterns: readonly AnyNode[] | URLResolver): UrlconfEntry[] {
  const root =
    urlpatterns instanceof URLResolver ? urlpatterns : new URLResolver(null, urlpatterns);
  return new ResolveEngine(root).leaves.map((leaf) => {
    const { info } = leaf;
    return {
      route: info.route,
      path: `/${info.route}`,
      name: leaf.pattern.name === null ? null : [...info.namespaces, leaf.pattern.name].join(':'),
      viewName: viewPath(leaf.view),
      view: leaf.view,
      kind: leaf.pattern.pattern.kind,
      namespace: info.namespace,
      appName: info.appName,
    };
  });
}
