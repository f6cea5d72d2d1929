/**
 * Static files for development, as Django's `django.views.static.serve` does under runserver: a
 * view that streams a file from the app's static/ folder. The path comes from the URL, so it is
 * normalised and must stay inside the folder; anything else is a 404, never a read elsewhere.
 * Whatever the file system says about a client's path — missing, a file used as a folder
 * (`style.css/`), a name too long — is a 404 too: the client chose the path, so it is not a
 * server error (Django's `Path.exists()` ignores only some of these and answers 500 for the rest).
 */
import { statSync, type Stats } from 'node:fs';
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
  if (statClientPath(file)?.isFile() !== true) throw new Http404(`'${path}' could not be found`);
  return new FileResponse(file);
}

// The errors a path alone can cause; anything else (EMFILE, EIO) is the server's and stays a 500.
const PATH_ERRORS = new Set([
  'ENOENT',
  'ENOTDIR',
  'ENAMETOOLONG',
  'ELOOP',
  'EISDIR',
  'EINVAL',
  'EACCES',
  'EPERM',
]);

function statClientPath(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    if (PATH_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}
