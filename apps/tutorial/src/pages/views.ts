/** The pages app's views: a view takes the request (and the URL's parameters) and returns a response. */
import type { HttpRequest } from '@reins/http';
import { getObjectOr404, render } from '@reins/shortcuts';
import { database } from '../database.js';

/** `/`: the home page, listing the pages in the database. */
export async function home(request: HttpRequest) {
  const pages = await database().selectFrom('pages_page').selectAll().orderBy('title').execute();
  return render(request, 'pages/home.html', { pages });
}

/** `/pages/<slug>/`: one page, or the 404 page when no page has that slug. */
export async function pageDetail(request: HttpRequest, { slug }: { slug: string }) {
  const page = await getObjectOr404(
    database().selectFrom('pages_page').selectAll().where('slug', '=', slug),
    { model: 'Page' },
  );
  return render(request, 'pages/detail.html', { page });
}
