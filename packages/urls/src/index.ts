/**
 * @reins/urls — Django's URL resolver for TypeScript: `path()`, `rePath()`, `include()`,
 * converters, `resolve()` and `reverse()` with Django's semantics, typed route parameters, a
 * compiled matcher, and one tiny runtime dependency (`@reins/core`, itself dependency-free).
 *
 * @example
 * import { createResolver, include, path } from '@reins/urls';
 * const resolver = createResolver([
 *   path('', home, { name: 'home' }),
 *   path('articles/<int:year>/', yearArchive, { name: 'year' }),
 * ]);
 * resolver.resolve('/articles/2024/').kwargs; // { year: 2024 }
 * resolver.reverse('year', { kwargs: { year: 2024 } }); // '/articles/2024/'
 *
 * @module
 */
export type { CheckMessage, CheckOptions } from './check-urlconf.js';
export { checkUrlconf } from './check-urlconf.js';
export type { Converter, ConverterTypes } from './converters.js';
export {
  builtinConverters,
  ConverterRegistry,
  defaultConverters,
  registerConverter,
} from './converters.js';
export { decodePath } from '@reins/core';
export type { UrlconfEntry } from './describe-urlconf.js';
export { describeUrlconf } from './describe-urlconf.js';
export type { TriedPattern } from './errors.js';
export { ImproperlyConfigured, NoReverseMatch, Resolver404 } from './errors.js';
export type { IncludeSpec } from './include.js';
export { include } from './include.js';
export type { IncludeOptions, PathOptions, ReverseParamsOf } from './path.js';
export { path, rePath } from './path.js';
export type { MatchInfo } from './resolver-match.js';
export { ResolverMatch } from './resolver-match.js';
export type { RouteParams, View, WithExtra } from './route-params.js';
export { URLPattern } from './url-pattern.js';
export type {
  AnyEntry,
  EntriesOfNodes,
  OptionalArgNames,
  ResolverOptions,
  ReverseMap,
  ReverseNames,
  ReverseOptions,
} from './url-resolver.js';
export { createResolver, URLResolver } from './url-resolver.js';
