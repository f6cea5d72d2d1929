/**
 * Python's `urljoin` for the cases `build_absolute_uri()` hands it: a reference without both a
 * scheme and a host, resolved against `scheme://host/path` of the current request. Kept apart
 * from WHATWG `URL`, which would lower-case the host and re-encode the path.
 */
import type { SplitUrl } from '@reins/core';

function removeDotSegments(path: string): string {
  const segments = path.split('/');
  const output: string[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (segment === '..') {
      if (output.length > 1) output.pop();
      if (last) output.push('');
    } else if (segment === '.') {
      if (last) output.push('');
    } else {
      output.push(segment);
    }
  }
  const joined = output.join('/');
  return joined.startsWith('/') || !path.startsWith('/') ? joined : '/' + joined;
}

export function urlJoin(
  scheme: string,
  schemeHost: string,
  basePath: string,
  reference: string,
  parts: SplitUrl,
): string {
  if (parts.scheme !== '' && parts.scheme !== scheme) return reference;
  if (parts.netloc !== '') return `${scheme}:${reference.slice(reference.indexOf('//'))}`;
  let path: string;
  if (parts.path === '') path = basePath;
  else if (parts.path.startsWith('/')) path = removeDotSegments(parts.path);
  else path = removeDotSegments(basePath.slice(0, basePath.lastIndexOf('/') + 1) + parts.path);
  return (
    schemeHost +
    path +
    (parts.query !== '' ? '?' + parts.query : '') +
    (parts.fragment !== '' ? '#' + parts.fragment : '')
  );
}
