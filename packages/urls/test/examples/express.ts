import { decodePath } from '@reins/urls';
import express from 'express';
import { resolver } from './urls.js';

export const app: express.Express = express();

// Django-style routing for everything Express has not matched before this point.
app.use((req, res, next) => {
  const match = resolver.match(decodePath(req.path));
  if (match === null) {
    next();
    return;
  }
  res.type('text/plain').send(String(match.view(req, match.kwargs, ...match.args)));
});

// reverse() builds links from names, so routes can move without breaking them.
app.get('/links', (_req, res) => {
  res.json({
    post: resolver.reverse('articles:detail', { kwargs: { year: 2024, slug: 'hello' } }),
  });
});
