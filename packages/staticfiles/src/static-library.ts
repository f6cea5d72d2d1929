/**
 * `{% load static %}`: Django's `static` template library — `{% static path %}` (or
 * `{% static path as var %}`) and `{% get_static_prefix %}` (or `… as var`) — bound to one
 * {@link Staticfiles}, written on the templates package's tag API with Django's parsing and error
 * messages. The URL is escaped when autoescaping is on, then output or stored, as Django's
 * `StaticNode` does; the tag stays synchronous under `render()`.
 */
import { andThen, conditionalEscape } from '@reins/core';
import { Library } from '@reins/templates';
import type { Staticfiles } from './define-staticfiles.js';

/**
 * The `static` library for the template engine's `libraries` option.
 *
 * @example
 * templates: [{ backend: 'reins', dirs: ['templates'], options: { libraries: { static: staticLibrary(staticfiles) } } }]
 * // {% load static %}<link rel="stylesheet" href="{% static 'css/site.css' %}">
 */
export function staticLibrary(staticfiles: Staticfiles): Library {
  return new Library()
    .tag('static', (parser, token) => {
      const bits = token.splitContents();
      if (bits.length < 2) {
        throw parser.error(`'${bits[0]!}' takes at least one argument (path to file)`);
      }
      const path = parser.compileFilter(bits[1]!);
      // Django: `bits[3]` when the next-to-last bit is 'as'.
      const asVar = bits.length >= 2 && bits.at(-2) === 'as' ? bits[3] : undefined;
      return {
        asVar,
        render: (context) =>
          andThen(context.resolve(path), (value) => {
            const url = staticfiles.url(String(value));
            return context.autoescape ? conditionalEscape(url) : url;
          }),
      };
    })
    .tag('get_static_prefix', (parser, token) => {
      const tokens = token.contents.split(/\s+/);
      if (tokens.length > 1 && tokens[1] !== 'as') {
        throw parser.error(`First argument in '${tokens[0]!}' must be 'as'`);
      }
      const asVar = tokens.length > 1 ? tokens[2] : undefined;
      const prefix = iriToUri(staticfiles.staticUrl);
      return { asVar, render: () => prefix };
    });
}

// Django's iri_to_uri: percent-encode what is not allowed in a URI, keep reserved characters.
function iriToUri(iri: string): string {
  return iri.replace(/[^A-Za-z0-9\-._~/#%[\]=:;$&()+,!?*@']/gu, (char) =>
    [...new TextEncoder().encode(char)]
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  );
}
