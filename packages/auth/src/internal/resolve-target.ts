import type { HttpRequest } from '@reins/http';
import { reverse, type UrlReverser } from '@reins/shortcuts';

/**
 * Django's `resolve_url` for settings such as `loginUrl`: a value with `/` is a URL already (no
 * view name contains one, so Django's reverse would fail and fall back to it); a bare name is
 * reversed with the request's own URLconf, so it works whether or not the app keeps a request
 * context; a name that does not reverse but has a `.` is a URL, as in Django.
 */
export function resolveTarget(target: string, request: HttpRequest | null): string {
  if (target.includes('/')) return target;
  const urlconf = (request?.urlconf ?? null) as UrlReverser | null;
  try {
    return reverse(target, urlconf === null ? {} : { urlconf });
  } catch (error) {
    if (target.includes('.')) return target;
    throw error;
  }
}
