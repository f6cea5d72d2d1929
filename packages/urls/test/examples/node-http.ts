import { createServer } from 'node:http';
import { resolver } from './urls.js';

export const server = createServer((req, res) => {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end('Bad request');
    return;
  }
  const match = resolver.match(pathname);
  if (match === null) {
    res.writeHead(404).end('Not found');
    return;
  }
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(String(match.view(req, match.kwargs, ...match.args)));
});
