/**
 * `{% static 'path' [as name] %}`: Django's static URL tag over a fixed prefix, escaped when
 * autoescaping, output or stored in a variable.
 *
 * @module
 */
import { conditionalEscape, type Library } from '@reins/templates';
import { maybeThen } from './maybe-then.js';

/** Register `{% static %}` on `library`, joining paths to `prefix`. */
export function registerStaticTag(library: Library, prefix: string): Library {
  return library.tag('static', (parser, token) => {
    const bits = token.splitContents();
    if (bits.length < 2) throw parser.error(`'static' takes at least one argument (path to file)`);
    const asVar =
      bits.length >= 4 && bits[bits.length - 2] === 'as' ? bits[bits.length - 1] : undefined;
    const path = parser.compileFilter(bits[1]!);
    return {
      asVar,
      render: (context) =>
        maybeThen(context.resolve(path), (value) => {
          const url = `${prefix}${String(value)}`;
          return context.autoescape ? conditionalEscape(url) : url;
        }),
    };
  });
}
