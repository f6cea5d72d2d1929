/** Serves the site on Deno: `deno run -A dist/deno.js`, on PORT (0 = a free one), printing the address. */
import { app } from './app.js';

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(
    options: { hostname: string; port: number; onListen(address: { port: number }): void },
    handler: (request: Request) => Promise<Response>,
  ): unknown;
};

Deno.serve(
  {
    hostname: '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? 0),
    onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}/`),
  },
  (request) => app.fetch(request),
);
