/**
 * Static files for development, as Django's `django.views.static.serve` does under runserver: a
 * view that streams a file from the app's static/ folder. The path comes from the URL, so it is
 * normalised and must stay inside the folder; anything else is a 404, never a read elsewhere.
 */
import { statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { FileResponse, Http404, type HttpRequest } from '@reins/http';
import { appRoot } from './app-root.js';

const staticRoot = join(appRoot, 'static');

/**
 * Serve `static/<path>`; used by the `static/<path:path>` route.
 *
 * @example
 * path('static/<path:path>', serveStatic, { name: 'static' });
 */
export function serveStatic(_request: HttpRequest, { path }: { path: string }): FileResponse {
  const file = normalize(join(staticRoot, path));
  if (!file.startsWith(staticRoot + sep) || path.includes('\0')) {
    throw new Http404(`'${path}' is outside the static folder.`);
  }
  if (!statSync(file, { throwIfNoEntry: false })?.isFile())
    throw new Http404(`'${path}' could not be found`);
  return new FileResponse(file);
}
