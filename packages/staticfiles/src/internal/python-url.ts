/**
 * The few Python URL and path helpers Django's hashed storage is written with (`urllib.parse`,
 * `posixpath`, `os.path.splitext`), reproduced where their quirks decide a hashed name: urldefrag
 * drops an empty query (`a.eot?#iefix` → `a.eot`), splitext ignores leading dots, unquote decodes
 * UTF-8 with replacement characters. `unquote`, `quote` and `urlsplit` are @reins/core's.
 */
import { quote, urlsplit, type SplitUrl } from '@reins/core';

export { unquote, urlsplit } from '@reins/core';
export type { SplitUrl } from '@reins/core';

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Python's `urllib.parse.urlunsplit`: an empty query or fragment loses its `?` or `#`. */
export function urlunsplit(parts: SplitUrl): string {
  let url = parts.path;
  if (parts.netloc !== '') {
    if (url !== '' && !url.startsWith('/')) url = `/${url}`;
    url = `//${parts.netloc}${url}`;
  }
  if (parts.scheme !== '') url = `${parts.scheme}:${url}`;
  if (parts.query !== '') url += `?${parts.query}`;
  if (parts.fragment !== '') url += `#${parts.fragment}`;
  return url;
}

/** Python's `urllib.parse.urldefrag`: `[url without fragment, fragment]`. */
export function urldefrag(url: string): [string, string] {
  if (!url.includes('#')) return [url, ''];
  const parts = urlsplit(url);
  const fragment = parts.fragment;
  parts.fragment = '';
  return [urlunsplit(parts), fragment];
}

/** `posixpath.join(a, b)`. */
export function posixJoin(base: string, name: string): string {
  if (name.startsWith('/')) return name;
  if (base === '' || base.endsWith('/')) return base + name;
  return `${base}/${name}`;
}

/** `posixpath.dirname(path)`. */
export function posixDirname(path: string): string {
  const head = path.slice(0, path.lastIndexOf('/') + 1);
  return head !== '' && !/^\/+$/.test(head) ? head.replace(/\/+$/, '') : head;
}

/** `posixpath.normpath(path)`. */
export function posixNormpath(path: string): string {
  if (path === '') return '.';
  const initial =
    path.startsWith('//') && !path.startsWith('///') ? 2 : path.startsWith('/') ? 1 : 0;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..' || (initial === 0 && parts.length === 0) || parts.at(-1) === '..') {
      parts.push(part);
    } else if (parts.length > 0) {
      parts.pop();
    }
  }
  const joined = '/'.repeat(initial) + parts.join('/');
  return joined === '' ? '.' : joined;
}

/** `os.path.split(path)` on POSIX: `[head, tail]`, the head without trailing slashes. */
export function posixSplit(path: string): [string, string] {
  const cut = path.lastIndexOf('/') + 1;
  const head = path.slice(0, cut);
  const tail = path.slice(cut);
  return [head !== '' && !/^\/+$/.test(head) ? head.replace(/\/+$/, '') : head, tail];
}

/** `os.path.splitext(name)`: leading dots do not start an extension. */
export function splitext(name: string): [string, string] {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  if (dot > slash) {
    let start = slash + 1;
    while (start < dot && name[start] === '.') start++;
    if (start < dot) return [name.slice(0, dot), name.slice(dot)];
  }
  return [name, ''];
}

/** Python's `str.strip()` with no argument (ASCII and Unicode whitespace). */
export function pyStrip(text: string): string {
  // eslint-disable-next-line no-control-regex -- Python's str.strip() removes these separators too
  return text.replace(/^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/gu, '');
}

/** Django's `filepath_to_uri`: backslashes to slashes, then `quote(path, safe="/~!*()'")`. */
export function filepathToUri(path: string): string {
  return quote(path.replaceAll('\\', '/'), "/~!*()'");
}

/**
 * `urljoin(base, url)` for a static base (`/static/` or `https://cdn.example/static/`) and a quoted
 * relative name, dot segments resolved as Python's does (RFC 3986).
 */
export function urljoin(base: string, url: string): string {
  if (url === '') return base;
  if (SCHEME.test(url) || url.startsWith('//')) return url;
  const absolute = SCHEME.test(base) || base.startsWith('//');
  const resolved = new URL(
    url,
    absolute
      ? base.startsWith('//')
        ? `http:${base}`
        : base
      : `http://x${base.startsWith('/') ? '' : '/'}${base}`,
  );
  if (absolute) return base.startsWith('//') ? resolved.href.slice('http:'.length) : resolved.href;
  return resolved.pathname + resolved.search + resolved.hash;
}
