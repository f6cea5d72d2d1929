/**
 * ETag helpers with Django's rules (`django.utils.http` / `django.utils.cache`): parsing an
 * `If-Match`/`If-None-Match` list, quoting a value, and the weak/strong comparisons of RFC 7232.
 */

const ETAG_MATCH = /^((?:W\/)?"[^"]*")$/;

/** The quoted ETags of an `If-(None-)Match` header, or `['*']`; malformed entries are dropped. */
export function parseEtags(header: string): string[] {
  if (header.trim() === '*') return ['*'];
  const etags: string[] = [];
  for (const part of header.split(',')) {
    const candidate = part.trim();
    if (ETAG_MATCH.test(candidate)) etags.push(candidate);
  }
  return etags;
}

/** Quote a value as a strong ETag unless it already is a (weak or strong) quoted ETag. */
export function quoteEtag(value: string): string {
  return ETAG_MATCH.test(value) ? value : `"${value}"`;
}

/** RFC 7232 §3.1: strong comparison; `*` matches any current representation. */
export function ifMatchPasses(target: string | null, etags: readonly string[]): boolean {
  if (!target) return false;
  if (etags.length === 1 && etags[0] === '*') return true;
  if (target.startsWith('W/')) return false;
  return etags.includes(target);
}

// Django strips the characters `W` and `/` from both ends (Python's str.strip), not the prefix.
const stripWeak = (etag: string): string => etag.replace(/^[W/]+|[W/]+$/g, '');

/** RFC 7232 §3.2: weak comparison; passes (no match) when nothing in the list matches. */
export function ifNoneMatchPasses(target: string | null, etags: readonly string[]): boolean {
  if (!target) return true;
  if (etags.length === 1 && etags[0] === '*') return false;
  const wanted = stripWeak(target);
  return !etags.some((etag) => stripWeak(etag) === wanted);
}
