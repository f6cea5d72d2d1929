/** The __APP__ app's views: each takes the request (and the URL's parameters) and returns a response. */
import type { HttpRequest } from '@reins/http';
import { render } from '@reins/shortcuts';

/** The app's first page. */
export async function index(request: HttpRequest) {
  return render(request, '__APP__/index.html', { app: '__APP__' });
}
