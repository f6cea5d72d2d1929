import { decodePath } from '@reins/urls';
import Fastify from 'fastify';
import { resolver } from './urls.js';

export const app = Fastify();

app.all('/*', async (request, reply) => {
  const match = resolver.match(decodePath(request.url.split('?')[0]!));
  if (match === null) return reply.code(404).send('Not found');
  return reply.type('text/plain').send(String(match.view(request, match.kwargs, ...match.args)));
});
