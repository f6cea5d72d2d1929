/**
 * `{% load lib… %}` and `{% load name… from lib %}`: add a library's tags and filters to the
 * parser.
 *
 * @module
 */
import type { Node, Parser, Token } from './tag-types.js';
import type { FilterSpec } from '../filters/filter-spec.js';
import type { Library, TagDefinition } from '../library.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { pySplit } from '../internal/smart-split.js';

/** Parse `{% load %}`. */
export function parseLoad(parser: Parser, token: Token): Node | Node[] {
  const bits = pySplit(token.contents);
  const libraries = parser.options.libraries;
  const find = (name: string): Library => {
    const library = Object.hasOwn(libraries, name) ? libraries[name] : undefined;
    if (library === undefined) {
      throw new TemplateSyntaxError(
        `'${name}' is not a registered tag library. Must be one of:\n${Object.keys(libraries).sort().join('\n')}`,
      );
    }
    return library;
  };
  if (bits.length >= 4 && bits[bits.length - 2] === 'from') {
    const label = bits[bits.length - 1]!;
    const library = find(label);
    const tags: Record<string, TagDefinition> = {};
    const filters: Record<string, FilterSpec> = {};
    for (const name of bits.slice(1, -2)) {
      let found = false;
      if (Object.hasOwn(library.tags, name)) {
        tags[name] = library.tags[name]!;
        found = true;
      }
      if (Object.hasOwn(library.filters, name)) {
        filters[name] = library.filters[name]!;
        found = true;
      }
      if (!found)
        throw new TemplateSyntaxError(
          `'${name}' is not a valid tag or filter in tag library '${label}'`,
        );
    }
    parser.addLibrary(tags, filters);
  } else {
    for (const name of bits.slice(1)) {
      const library = find(name);
      parser.addLibrary(library.tags, library.filters);
    }
  }
  return { type: 'text', text: '', token };
}
