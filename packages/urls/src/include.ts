/**
 * `include()`: mount a list of patterns under a prefix, optionally as an application (`appName`)
 * deployed under an instance namespace. Returns Django's triple, consumed by `path()`/`rePath()`.
 *
 * @module
 */
import { improperlyConfigured } from './internal/improperly-configured.js';
import type { AnyNode, ReverseEntry } from './internal/node-types.js';
import { URLPattern } from './url-pattern.js';
import type { EntriesOfNodes } from './url-resolver.js';
import { URLResolver } from './url-resolver.js';

/**
 * What `include()` returns and `path(prefix, …)` accepts: the patterns, the application name and
 * the instance namespace.
 */
export interface IncludeSpec<
  E extends ReverseEntry = ReverseEntry,
  App extends string = string,
  Ns extends string = string,
> {
  readonly kind: 'include';
  readonly urlpatterns: readonly AnyNode[];
  readonly appName: string | null;
  readonly namespace: string | null;
  /** @internal phantom type for typed reverse. */
  readonly __reverse?: { entries: E; app: App; namespace: Ns };
}

function checkPatterns(urlpatterns: unknown, where: string): readonly AnyNode[] {
  if (!Array.isArray(urlpatterns)) {
    throw improperlyConfigured(
      `The included URLconf ${where} does not appear to have any patterns in it. Pass an array of path() and rePath() results.`,
    );
  }
  urlpatterns.forEach((item: unknown, index) => {
    if (!(item instanceof URLPattern) && !(item instanceof URLResolver)) {
      throw improperlyConfigured(
        `Your URL pattern ${JSON.stringify(item) ?? String(item)} at index ${index} of the included URLconf is invalid. Ensure that urlpatterns is an array of path() and/or rePath() results.`,
      );
    }
  });
  return urlpatterns as readonly AnyNode[];
}

/**
 * Include a list of patterns under a prefix. Pass `{ urlpatterns, appName }` to make it an
 * application; `namespace` names this instance (default: the app name).
 *
 * @throws {ImproperlyConfigured} for a namespace without an app name, or a non-array.
 * @example
 * path('blog/', include({ urlpatterns: blogPatterns, appName: 'blog' }, { namespace: 'blog' }));
 * path('greetings/', include(greetingPatterns));
 */
export function include<const T extends readonly AnyNode[]>(
  urlpatterns: T,
  options?: { namespace?: undefined },
): IncludeSpec<EntriesOfNodes<T[number]>, never, never>;
export function include<
  const T extends readonly AnyNode[],
  const App extends string,
  const Ns extends string = App,
>(
  arg: { urlpatterns: T; appName: App },
  options?: { namespace?: Ns },
): IncludeSpec<EntriesOfNodes<T[number]>, App, Ns>;
export function include(
  arg: readonly AnyNode[] | { urlpatterns: readonly AnyNode[]; appName?: string | null },
  options: { namespace?: string | null } = {},
): IncludeSpec {
  let urlpatterns: unknown;
  let appName: string | null = null;
  if (Array.isArray(arg)) {
    urlpatterns = arg;
  } else if (typeof arg === 'object' && arg !== null && 'urlpatterns' in arg) {
    urlpatterns = arg.urlpatterns;
    appName = arg.appName ?? null;
  } else {
    throw improperlyConfigured(
      'include() takes an array of patterns or { urlpatterns, appName }. Check what is passed to include().',
    );
  }
  const namespace = options.namespace ?? null;
  if (namespace !== null && appName === null) {
    throw improperlyConfigured(
      `Specifying a namespace ('${namespace}') in include() without providing an app name is not supported. Pass { urlpatterns, appName } to include() instead.`,
    );
  }
  return {
    kind: 'include',
    urlpatterns: checkPatterns(urlpatterns, appName ?? ''),
    appName,
    namespace: namespace ?? appName,
  };
}
