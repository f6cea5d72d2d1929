import { loginRequired } from '@reins/auth';
import type { HttpRequest } from '@reins/http';
import { success } from '@reins/messages';
import { getObjectOr404, redirect, render } from '@reins/shortcuts';
import { database } from '../database.js';

/** `/blog/`: every post, newest first. */
export async function postList(request: HttpRequest) {
  const posts = await database()
    .selectFrom('blog_post')
    .selectAll()
    .orderBy('published_at', 'desc')
    .execute();
  return render(request, 'blog/post_list.html', { posts });
}

/** `/blog/<slug>/`: one post, or the 404 page. */
export async function postDetail(request: HttpRequest, { slug }: { slug: string }) {
  const post = await getObjectOr404(
    database().selectFrom('blog_post').selectAll().where('slug', '=', slug),
    { model: 'Post' },
  );
  return render(request, 'blog/post_detail.html', { post });
}

function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
}

/**
 * `/blog/new/`, for logged-in visitors (others go to the login page): the form (GET); on POST, a
 * new post, a message for the next page and a redirect to it.
 */
export const newPost = loginRequired(async (request: HttpRequest) => {
  if (request.method !== 'POST') return render(request, 'blog/post_form.html', {});
  await request.loadBody();
  const title = (request.POST.get('title') ?? '').trim();
  const body = (request.POST.get('body') ?? '').trim();
  const slug = slugify(title);
  const errors: string[] = [];
  if (slug === '') errors.push('Give the post a title.');
  if (body === '') errors.push('Write something in the post.');
  const taken = await database()
    .selectFrom('blog_post')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (taken !== undefined) errors.push('A post with this title exists already.');
  if (errors.length > 0) {
    return render(request, 'blog/post_form.html', { errors, title, body }, { status: 400 });
  }
  await database()
    .insertInto('blog_post')
    .values({ title, slug, body, published_at: new Date().toISOString() })
    .execute();
  success(request, `Published: ${title}`);
  return redirect('blog:detail', slug);
});
