/**
 * A tiny server for the socket tests: node:http on 127.0.0.1:0 with the package's adapters, and
 * the smallest possible stand-in for @reins/server's handler — load the body, call the view, map
 * any exception to its status with `statusForException()` (500 otherwise).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HttpResponse,
  requestFromNode,
  statusForException,
  writeNodeResponse,
  type HttpRequest,
  type HttpResponseBase,
  type RequestOptions,
} from '../src/index.js';

export type View = (request: HttpRequest) => HttpResponseBase | Promise<HttpResponseBase>;

export interface TestServer {
  readonly origin: string;
  readonly port: number;
  /** Every exception a view or the body loader threw, in order. */
  readonly errors: unknown[];
  /** Errors writing responses (a stream failing mid-way). */
  readonly writeErrors: unknown[];
  readonly server: Server;
  close(): Promise<void>;
}

export async function startServer(view: View, options: RequestOptions = {}): Promise<TestServer> {
  const errors: unknown[] = [];
  const writeErrors: unknown[] = [];
  const server = createServer((incoming, outgoing) => {
    const request = requestFromNode(incoming, options);
    void (async () => {
      let response: HttpResponseBase;
      try {
        await request.loadBody();
        response = await view(request);
      } catch (error) {
        errors.push(error);
        const status = statusForException(error) ?? 500;
        const name = error instanceof Error ? error.name : 'Error';
        response = new HttpResponse(
          `${name}: ${error instanceof Error ? error.message : String(error)}`,
          {
            status,
            contentType: 'text/plain; charset=utf-8',
          },
        );
      }
      try {
        await writeNodeResponse(response, outgoing, request);
      } catch (error) {
        writeErrors.push(error);
      }
    })();
  });
  // What the real server does for requests Node's parser rejects (NUL bytes, bad framing).
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    errors,
    writeErrors,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
