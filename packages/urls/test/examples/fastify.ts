import Fastify from 'fastify';
import { resolver } from './urls.js';

export const app = Fastify();

app.all('/*', async (request, reply) => {
  const pathname = decodeURIComponent(request.url.split('?')[0]!);
  const match = resolver.match(pathname);
  if (match === null) return reply.code(404).send('Not found');
  return reply.type('text/plain').send(String(match.view(request, match.kwargs, ...match.args)));
});
