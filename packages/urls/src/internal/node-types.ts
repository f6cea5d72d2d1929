/** Shared structural types for urlconf nodes (kept here to avoid import cycles). */
import type { URLPattern } from '../url-pattern.js';
import type { URLResolver } from '../url-resolver.js';

/** One name `reverse()` accepts, with the kwargs it takes. */
export interface ReverseEntry {
  name: string;
  params: unknown;
}

/** Any urlconf node: a leaf or an include. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = URLPattern<any, any> | URLResolver<any>;

/** A resolver of any entries (engines do not care about reverse typing). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyResolver = URLResolver<any>;
