/**
 * The articles app's views: class-based views over the SQLite database, rendered with templates
 * that extend base.html, plus the JSON endpoint and the logo image.
 */
import { join } from 'node:path';
import { FileResponse, JsonResponse, type HttpRequest } from '@reins/http';
import { getObjectOr404 } from '@reins/shortcuts';
import { DetailView, ListView, type ModelSource } from '@reins/views';
import { appRoot } from '../app-root.js';
import { database } from '../database-handle.js';
import { allArticles, articleByPk, toArticle, type Article } from './articles.js';

const ArticleModel: ModelSource = {
  name: 'Article',
  appLabel: 'articles',
  all: () => allArticles(database()),
};

/** `/` — every article, newest first (template `articles/article_list.html`). */
export class ArticleListView extends ListView<Record<string, never>, Article> {
  override model = ArticleModel;
  override paginateBy = 10;
}

/** `/article/<int:pk>` — one article, or the 404 page (template `articles/article_detail.html`). */
export class ArticleDetailView extends DetailView<{ pk: number }, Article> {
  override model = ArticleModel;

  override async getObject(): Promise<Article> {
    const row = await getObjectOr404(articleByPk(database(), this.kwargs.pk), { model: 'Article' });
    return toArticle(row);
  }
}

/** `/api/articles/` — the articles as JSON (a list, so `safe: false` as Django requires). */
export async function articleApi(_request: HttpRequest): Promise<JsonResponse> {
  const articles = await allArticles(database());
  return new JsonResponse(
    articles.map((article) => ({
      id: article.id,
      title: article.title,
      slug: article.slug,
      published_at: article.published_at.toISOString(),
    })),
    { safe: false },
  );
}

/** `/logo.png` — the logo the base template shows, streamed from disk. */
export function logo(_request: HttpRequest): FileResponse {
  return new FileResponse(join(appRoot, 'static', 'logo.png'));
}
