import { createServer } from 'node:http';
import { decodePath } from '@reins/urls';
import { resolver } from './urls.js';

export const server = createServer((req, res) => {
  // Django's decoding: `/%ZZ/` and invalid UTF-8 are resolved as written, never a URIError.
  const match = resolver.match(decodePath((req.url ?? '/').split('?')[0]!));
  if (match === null) {
    res.writeHead(404).end('Not found');
    return;
  }
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(String(match.view(req, match.kwargs, ...match.args)));
});
