/**
 * Django's `patch_cache_control` and `get_max_age`: merge directives into `Cache-Control`, read
 * `max-age` back.
 *
 * @module
 */
import type { HttpResponseBase } from '@reins/http';

/**
 * Cache-Control directives in camelCase (`maxAge`, `noCache`, `sMaxage`…) or Django's
 * snake_case; `true` writes the bare directive, anything else `name=value`.
 *
 * @example
 * const directives: CacheControlDirectives = { maxAge: 3600, public: true };
 */
export type CacheControlDirectives = Record<string, string | number | boolean | null>;

const DELIMITER = /\s*,\s*/;

function directiveName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase()).replaceAll('_', '-');
}

/** Python's `str()` of a directive value. */
function pyStr(value: string | number | boolean | null): string {
  if (value === null) return 'None';
  if (value === false) return 'False';
  if (value === true) return 'True';
  return String(value);
}

function split(field: string): [string, string | true] {
  const at = field.indexOf('=');
  return at === -1
    ? [field.toLowerCase(), true]
    : [field.slice(0, at).toLowerCase(), field.slice(at + 1)];
}

function pyInt(value: string | true | undefined): number | null {
  if (value === true) return 1;
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

type Directives = Map<string, string | true | Set<string | true>>;

/** Django's rule: `no-cache` collects its field names; any other directive takes the last value. */
function putDirective(cc: Directives, name: string, value: string | true): void {
  if (name === 'no-cache') {
    const set = cc.get(name);
    if (set instanceof Set) set.add(value);
    else cc.set(name, new Set([value]));
  } else {
    cc.set(name, value);
  }
}

/**
 * Add `directives` to the response's `Cache-Control`, as Django does: a smaller `max-age` wins,
 * `public` and `private` replace each other, `no-cache` collects field names.
 *
 * @example
 * patchCacheControl(response, { maxAge: 60, public: true });
 */
export function patchCacheControl(
  response: HttpResponseBase,
  directives: CacheControlDirectives,
): void {
  const cc: Directives = new Map();
  const existing = response.headers.get('Cache-Control');
  if (existing) {
    for (const field of existing.split(DELIMITER)) {
      const [name, value] = split(field);
      putDirective(cc, name, value);
    }
  }
  const kwargs = new Map<string, string | true>();
  for (const [key, raw] of Object.entries(directives)) {
    kwargs.set(directiveName(key), raw === true ? true : pyStr(raw));
  }
  if (cc.has('max-age') && kwargs.has('max-age')) {
    const current = pyInt(cc.get('max-age') as string | true);
    const given = pyInt(kwargs.get('max-age'));
    if (current !== null && given !== null) kwargs.set('max-age', String(Math.min(current, given)));
  }
  if (cc.has('private') && kwargs.has('public')) cc.delete('private');
  else if (cc.has('public') && kwargs.has('private')) cc.delete('public');
  for (const [name, value] of kwargs) {
    putDirective(cc, name, value);
  }
  const out: string[] = [];
  for (const [name, value] of cc) {
    if (value instanceof Set) {
      if (value.has(true)) out.push(name);
      else for (const field of value) out.push(`${name}=${String(field)}`);
    } else {
      out.push(value === true ? name : `${name}=${value}`);
    }
  }
  response.headers.set('Cache-Control', out.join(', '));
}

/**
 * The `max-age` of the response's `Cache-Control` as an integer, or `null` (Django's `get_max_age`).
 *
 * @example
 * getMaxAge(response); // 3600
 */
export function getMaxAge(response: HttpResponseBase): number | null {
  const header = response.headers.get('Cache-Control');
  if (header === undefined) return null;
  const cc = new Map<string, string | true>();
  for (const field of header.split(DELIMITER)) {
    const [name, value] = split(field);
    cc.set(name, value);
  }
  return pyInt(cc.get('max-age'));
}
