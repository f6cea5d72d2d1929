/**
 * Django's `construct_relative_path`: `./` and `../` template names in `{% include %}` and
 * `{% extends %}`, resolved against the current template's name.
 *
 * @module
 */
import { TemplateSyntaxError } from '../template-syntax-error.js';

/** Django's `construct_relative_path` for `./` and `../` names in include and extends. */
export function constructRelativePath(current: string | undefined, relative: string): string {
  const hasQuotes =
    (relative.startsWith('"') || relative.startsWith("'")) &&
    relative.length > 1 &&
    relative[0] === relative.at(-1);
  const bare = relative.replace(/^['"]+|['"]+$/g, '');
  if (!bare.startsWith('./') && !bare.startsWith('../')) return relative;
  const base = (current ?? '').replace(/^\/+/, '');
  const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/')) : '';
  const parts: string[] = [];
  let escaped = false;
  for (const part of `${dir}/${bare}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) escaped = true;
      else parts.pop();
    } else parts.push(part);
  }
  const name = parts.join('/');
  if (escaped) {
    throw new TemplateSyntaxError(
      `The relative path '${relative}' points outside the file hierarchy that template '${String(current)}' is in.`,
    );
  }
  if (base === name) {
    throw new TemplateSyntaxError(
      `The relative path '${relative}' was translated to template name '${String(current)}', the same template in which the tag appears.`,
    );
  }
  return hasQuotes ? `"${name}"` : name;
}
