/**
 * Tags written against the public `@reins/templates` tag API, as a package of its own would:
 * `fragmentsLibrary(cache)` holds `{% cache %}`, `{% switch %}` and `{% static %}`.
 *
 * @module
 */
import { Library } from '@reins/templates';
import { registerCacheTag, type FragmentCache } from './cache-tag.js';
import { registerStaticTag } from './static-tag.js';
import { registerSwitchTag } from './switch-tag.js';

export type { FragmentCache } from './cache-tag.js';

/** A library with `{% cache %}` over `cache`, `{% switch %}`, and `{% static %}` under `/static/`. */
export function fragmentsLibrary(cache: FragmentCache): Library {
  const library = new Library();
  registerCacheTag(library, cache);
  registerSwitchTag(library);
  registerStaticTag(library, '/static/');
  return library;
}
