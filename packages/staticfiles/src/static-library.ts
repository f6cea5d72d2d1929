/**
 * `{% load static %}`: Django's `static` template library — `{% static 'path' %}` (or
 * `{% static path as var %}`) and `{% get_static_prefix %}` — bound to one {@link Staticfiles}.
 * Output is escaped when autoescaping is on and stored unescaped with `as var`, as Django's
 * `StaticNode` does.
 */
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
    .simpleTag('static', (path: unknown) => staticfiles.url(String(path)))
    .simpleTag('get_static_prefix', () => iriToUri(staticfiles.staticUrl));
}

// Django's iri_to_uri: percent-encode what is not allowed in a URI, keep reserved characters.
function iriToUri(iri: string): string {
  return iri.replace(/[^A-Za-z0-9\-._~/#%[\]=:;$&()+,!?*@']/gu, (char) =>
    [...new TextEncoder().encode(char)]
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  );
}
