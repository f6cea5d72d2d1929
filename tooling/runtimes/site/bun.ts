/** Serves the site on Bun: `bun dist/bun.js`, on PORT (0 = a free one), printing the address. */
import { app } from './app.js';

declare const Bun: {
  serve(options: {
    hostname: string;
    port: number;
    fetch: (request: Request) => Promise<Response>;
  }): { port: number };
};
declare const process: { env: Record<string, string | undefined> };

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env['PORT'] ?? 0),
  fetch: (request) => app.fetch(request),
});
console.log(`listening on http://127.0.0.1:${server.port}/`);
