/**
 * Django's `is_valid_path`, without importing `@reins/urls`: the handler puts the resolver on
 * `request.urlconf`, and anything with a `resolve(path)` method that throws `Resolver404` for a
 * miss will do. Only a `Resolver404` means "does not resolve"; any other error is a real failure
 * and propagates.
 */
import { RESOLVER_404_BRAND } from '@reins/core';
import type { HttpRequest } from '@reins/http';

const RESOLVER_404 = RESOLVER_404_BRAND;

interface Resolving {
  resolve(path: string): unknown;
}

function isResolver404(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { code?: unknown; [RESOLVER_404]?: unknown };
  return candidate[RESOLVER_404] === true || candidate.code === 'urls.resolver404';
}

/** The request's resolver, or `null` when the handler did not set one. */
export function urlconfOf(request: HttpRequest): Resolving | null {
  const urlconf = (request as { urlconf?: unknown }).urlconf;
  return typeof urlconf === 'object' &&
    urlconf !== null &&
    typeof (urlconf as Resolving).resolve === 'function'
    ? (urlconf as Resolving)
    : null;
}

/** The match for `path`, or `null` when it does not resolve. */
export function isValidPath(urlconf: Resolving, path: string): { view?: unknown } | null {
  try {
    const match = urlconf.resolve(path);
    return match ?? null;
  } catch (error) {
    if (isResolver404(error)) return null;
    throw error;
  }
}
