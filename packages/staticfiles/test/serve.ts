/**
 * A real HTTP server for the tests: node:http, @reins/http's Node adapter, and the static files
 * middleware in front of an "app" that answers 200 'app'. An `Http404` becomes Django's plain
 * 404, as the reins handler turns it; anything else a 500.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Http404, HttpResponse, requestFromNode, writeNodeResponse } from '@reins/http';
import type { HttpResponseBase } from '@reins/http';
import type { Middleware } from '@reins/middleware';

export interface TestServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function serve(middleware: Middleware): Promise<TestServer> {
  const handler = middleware(() => new HttpResponse('app'));
  const server: Server = createServer((incoming, outgoing) => {
    const request = requestFromNode(incoming, { allowedHosts: ['*'] });
    const answer = (response: HttpResponseBase): void => {
      writeNodeResponse(response, outgoing, request).catch((error: unknown) => {
        console.error(error);
      });
    };
    const fail = (error: unknown): void => {
      if (!Http404.isInstance(error)) console.error(error);
      answer(
        Http404.isInstance(error)
          ? new HttpResponse('<h1>Not Found</h1>', { status: 404 })
          : new HttpResponse(`error: ${String(error)}`, { status: 500 }),
      );
    };
    try {
      const result = handler(request);
      if (result instanceof Promise) result.then(answer, fail);
      else answer(result);
    } catch (error) {
      fail(error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
