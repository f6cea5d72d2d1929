/**
 * The few Python URL and path helpers Django's hashed storage is written with (`urllib.parse`,
 * `posixpath`, `os.path.splitext`), reproduced where their quirks decide a hashed name: urldefrag
 * drops an empty query (`a.eot?#iefix` → `a.eot`), splitext ignores leading dots, unquote decodes
 * UTF-8 with replacement characters.
 */

/** Python's `urllib.parse.unquote` (UTF-8, errors replaced). */
export function unquote(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let index = 0; index < bytes.length; index++) {
      bytes[index] = Number.parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16);
    }
    return new TextDecoder('utf-8').decode(bytes);
  });
}

/** The five parts of Python's `urlsplit`. */
export interface SplitUrl {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  fragment: string;
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Python's `urllib.parse.urlsplit` (tab and newline removed, as Python 3.9.5+ does). */
export function urlsplit(input: string): SplitUrl {
  let url = input.replace(/[\t\r\n]/g, '');
  let scheme = '';
  const match = SCHEME.exec(url);
  if (match !== null) {
    scheme = match[0].slice(0, -1).toLowerCase();
    url = url.slice(match[0].length);
  }
  let netloc = '';
  if (url.startsWith('//')) {
    const rest = url.slice(2);
    const end = rest.search(/[/?#]/);
    netloc = end === -1 ? rest : rest.slice(0, end);
    url = end === -1 ? '' : rest.slice(end);
  }
  let fragment = '';
  const hash = url.indexOf('#');
  if (hash !== -1) {
    fragment = url.slice(hash + 1);
    url = url.slice(0, hash);
  }
  let query = '';
  const question = url.indexOf('?');
  if (question !== -1) {
    query = url.slice(question + 1);
    url = url.slice(0, question);
  }
  return { scheme, netloc, path: url, query, fragment };
}

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

// Python's quote(safe="/~!*()'") of filepath_to_uri: everything but these is percent-encoded.
const URI_SAFE = /[A-Za-z0-9_.\-~/!*()']/;

/** Django's `filepath_to_uri`: backslashes to slashes, then `quote(path, safe="/~!*()'")`. */
export function filepathToUri(path: string): string {
  let out = '';
  for (const char of path.replaceAll('\\', '/')) {
    if (URI_SAFE.test(char)) {
      out += char;
      continue;
    }
    for (const byte of new TextEncoder().encode(char)) {
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
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
