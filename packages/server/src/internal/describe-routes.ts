/**
 * `reins show-urls`: the URLconf listed one pattern per line — full route, view, URL name
 * (with namespaces) — from `describeUrlconf()` of @reins/urls.
 */
import { describeUrlconf } from '@reins/urls';
import type { App } from '../create-app.js';

/** One row of the listing. */
export interface RouteRow {
  route: string;
  view: string;
  name: string;
}

/** The rows for `app`'s root URLconf. */
export function describeRoutes(app: App): RouteRow[] {
  return describeUrlconf(app.resolver).map((entry) => ({
    route: entry.path,
    view: entry.viewName,
    name: entry.name ?? '',
  }));
}

/** Align the rows in three columns under a header. */
export function formatRoutes(rows: readonly RouteRow[]): string {
  const header: RouteRow = { route: 'URL', view: 'View', name: 'Name' };
  const all = [header, ...rows];
  const width = (key: keyof RouteRow): number => Math.max(...all.map((row) => row[key].length));
  const routeWidth = width('route');
  const viewWidth = width('view');
  return all
    .map((row) =>
      `${row.route.padEnd(routeWidth)}  ${row.view.padEnd(viewWidth)}  ${row.name}`.trimEnd(),
    )
    .join('\n');
}
