import { decodePath } from '@reins/urls';
import { Hono } from 'hono';
import { resolver } from './urls.js';

export const app = new Hono();

app.all('*', (c) => {
  const match = resolver.match(decodePath(new URL(c.req.url).pathname));
  if (match === null) return c.text('Not found', 404);
  return c.text(String(match.view(c, match.kwargs, ...match.args)));
});
