/**
 * Builds the urlconf described by fixtures/urls.json (recorded from Django 3.2.25) with the
 * custom converters its README describes.
 */
import type { AnyNode } from '../src/internal/node-types.js';
import { include, path, rePath, registerConverter } from '../src/index.js';
import type { View } from '../src/index.js';
import data from './fixtures/urls.json' with { type: 'json' };

registerConverter('yyyy', {
  regex: '[0-9]{4}',
  toJs: (value: string) => Number(value),
  toUrl: (value: number) => String(value).padStart(4, '0'),
});
registerConverter('hex', {
  regex: '[0-9a-fA-F]{6}',
  toJs: (value: string) => value.toLowerCase(),
  toUrl: (value: unknown) => {
    // Django's converter raises ValueError (a non-match); a TypeError would propagate.
    if (typeof value !== 'string' || value.length !== 6)
      throw new RangeError('six hex digits expected');
    return value.toUpperCase();
  },
});
registerConverter('even', {
  regex: '[0-9]+',
  toJs: (value: string) => {
    const n = Number(value);
    if (n % 2 !== 0) throw new RangeError('odd');
    return n;
  },
  toUrl: (value: number) => String(value),
});

export interface Entry {
  route: string;
  kind?: 're_path';
  view?: string;
  name?: string;
  kwargs?: Record<string, unknown>;
  include?: Entry[];
  app_name?: string;
  namespace?: string;
}

export const views = new Map<string, View>();

/** The view function standing for a view name of the fixtures (same name → same function). */
export function viewFor(name: string): View {
  let view = views.get(name);
  if (view === undefined) {
    view = () => name;
    Object.defineProperty(view, 'name', { value: name });
    views.set(name, view);
  }
  return view;
}

/** Build `path()`/`rePath()`/`include()` calls from the fixtures' JSON description. */
export function build(entries: Entry[]): AnyNode[] {
  return entries.map((entry): AnyNode => {
    const declare = (entry.kind === 're_path' ? rePath : path) as (...args: unknown[]) => AnyNode;
    if (entry.include !== undefined) {
      const children = build(entry.include);
      const spec =
        entry.app_name === undefined
          ? include(children)
          : include(
              { urlpatterns: children, appName: entry.app_name },
              { namespace: entry.namespace },
            );
      return declare(entry.route, spec, entry.kwargs === undefined ? {} : { kwargs: entry.kwargs });
    }
    const options: Record<string, unknown> = {};
    if (entry.name !== undefined) options['name'] = entry.name;
    if (entry.kwargs !== undefined) options['kwargs'] = entry.kwargs;
    return declare(entry.route, viewFor(entry.view!), options);
  });
}

export const urlpatterns = build(data.urlpatterns as Entry[]);
export const conformance = data;
