/**
 * The Node HTTP server behind `app.listen()`: sets the timeouts (headers, whole request,
 * keep-alive), optionally writes one access line per request, keeps the process alive through
 * unhandled rejections, and shuts down gracefully — stop accepting, let in-flight requests finish
 * within a bound, then cut what is left.
 */
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { shouldColor } from '@reins/core';
import { malformedRequest } from '@reins/http';
import { formatAccessLine } from './access-log.js';
import type { AppContext } from './app-context.js';
import { closeResources } from './app-resources.js';
import { settleHandoffs } from './cluster-handoff.js';
import { markDraining } from './draining.js';
import { safeLog } from './exception-response.js';

/** How long closing the database pools, session store and caches may take after a drain, ms. */
const RESOURCES_CLOSE_TIMEOUT = 5_000;

/**
 * How long a connection accepted before a shutdown, that has not sent its request yet, gets to send
 * it, ms (then it is answered, with `Connection: close`); a keep-alive connection already idle is
 * closed at once (its client knows that race).
 */
const FRESH_CONNECTION_GRACE = 1_000;
const SERVED = Symbol('reins.served');
type MarkedSocket = Socket & { [SERVED]?: boolean; _httpMessage?: unknown };

/** How long a graceful shutdown waits for in-flight requests by default, ms: `shutdownTimeout`. */
export const DEFAULT_SHUTDOWN_TIMEOUT = 10_000;

/**
 * Options of `app.listen()`.
 *
 * @example
 * await app.listen({ host: '127.0.0.1', port: 0, shutdownTimeout: 5000 });
 */
export interface ListenOptions {
  /** Interface to bind. Default `'127.0.0.1'`. */
  host?: string;
  /** Port; `0` picks a free one. Default `8000`. */
  port?: number;
  /** Most time to receive the request headers, ms. Default 20 000. */
  headersTimeout?: number;
  /** Most time to receive the whole request, ms. Default 60 000. */
  requestTimeout?: number;
  /** How long an idle keep-alive connection stays open, ms. Default 5 000. */
  keepAliveTimeout?: number;
  /** How long `close()` waits for in-flight requests before cutting them, ms. Default 10 000. */
  shutdownTimeout?: number;
  /** Write one Django-style access line per request: `true` (stderr, coloured on a TTY) or a writer. */
  accessLog?: boolean | ((line: string, status: number) => void);
  /** Close gracefully on SIGINT/SIGTERM, then exit. Default `false` (the CLI turns it on). */
  handleSignals?: boolean;
  /** Reuse the port across processes (node:cluster does this for you). */
  exclusive?: boolean;
}

/**
 * A listening server.
 *
 * @example
 * const server = await app.listen({ port: 0 });
 * console.log(server.url); // http://127.0.0.1:54321/
 * await server.close();
 */
export interface ReinsServer {
  /** The underlying `node:http` server. */
  readonly server: Server;
  /** Where it listens. */
  readonly address: AddressInfo;
  /** `http://host:port/`. */
  readonly url: string;
  /** Requests being served right now. */
  readonly inFlight: number;
  /**
   * Stop accepting connections, wait for in-flight requests (at most `timeout` ms, default the
   * `shutdownTimeout` option), close every connection. Resolves to the number of requests that
   * were still running when the bound expired (0 on a clean shutdown).
   */
  close(timeout?: number): Promise<number>;
}

/** What the server asks of the code writing each response. */
export interface ServingHooks {
  /** Call once the response has been handed to Node (or failed). */
  done(outgoing: ServerResponse): void;
  /** Whether the server is shutting down: then the response should close its connection. */
  readonly closing: boolean;
}

/** Serves one request, honouring `hooks`. */
type Listener = (incoming: IncomingMessage, outgoing: ServerResponse, hooks: ServingHooks) => void;

// The applications with a running server; an unhandled rejection is logged to each one's logger.
const serving = new Set<AppContext>();
let rejectionGuardInstalled = false;

/** Keep serving when some code left a promise rejection unhandled; log it instead of exiting. */
function installRejectionGuard(): void {
  if (rejectionGuardInstalled) return;
  rejectionGuardInstalled = true;
  process.on('unhandledRejection', (reason) => {
    const loggers = new Set([...serving].map((context) => context.logger));
    for (const logger of loggers) {
      try {
        logger.log({
          level: 'error',
          logger: 'reins.server',
          message:
            'Unhandled promise rejection (the server keeps running; await or catch this promise):',
          error: reason,
        });
      } catch {
        // Nowhere better to report a failing logger.
      }
    }
  });
}

function writeAccessLine(options: ListenOptions): ((line: string, status: number) => void) | null {
  if (options.accessLog === undefined || options.accessLog === false) return null;
  if (typeof options.accessLog === 'function') return options.accessLog;
  return (line) => process.stderr.write(`${line}\n`);
}

/** Create the server, listen, and resolve with a handle that can close it gracefully. */
export function startNodeServer(
  listener: Listener,
  options: ListenOptions,
  context: AppContext,
): Promise<ReinsServer> {
  const accessLine = writeAccessLine(options);
  const colour = options.accessLog === true && shouldColor(process.stderr, process.env);
  let inFlight = 0;
  let closing = false;

  // Per request on the fast path: a counter — no collection (hashing every response object cost
  // ~0.2 µs a request), no event listeners, no promises. A response written while closing is
  // told to close its connection by `closing`; its connection is released once it is out.
  const hooks: ServingHooks = {
    done(outgoing) {
      inFlight--;
      if (closing) releaseWhenDone(outgoing);
    },
    get closing() {
      return closing;
    },
  };
  const server = createServer((incoming, outgoing) => {
    inFlight++;
    // One property on the socket (set once per connection in practice): it has sent a request.
    (incoming.socket as MarkedSocket)[SERVED] = true;
    if (accessLine !== null) logAccess(incoming, outgoing);
    const malformed = malformedRequest(incoming);
    if (malformed === null) listener(incoming, outgoing, hooks);
    else refuse(outgoing, malformed.status, malformed.reason, hooks);
  });
  // Every connection, so a shutdown can tell a connection accepted a moment ago (its request still
  // on its way: it gets a grace period and then its answer, with `Connection: close`) from an idle
  // keep-alive one (closed at once). Per connection, not per request.
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  let graceOver = false;
  const closeIdle = (): void => {
    if (graceOver) {
      server.closeIdleConnections();
      return;
    }
    for (const socket of connections) {
      const marked = socket as MarkedSocket;
      if (marked[SERVED] === true && marked._httpMessage == null) socket.destroy();
    }
  };
  // While closing, a connection is closed as soon as its response is out.
  const releaseWhenDone = (outgoing: ServerResponse): void => {
    if (outgoing.writableFinished) closeIdle();
    else outgoing.once('finish', () => setImmediate(closeIdle));
  };
  const logAccess = (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    let size = 0;
    // Count body bytes as they are written, for the access line's size field.
    const write = outgoing.write.bind(outgoing) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = outgoing.end.bind(outgoing) as (...rest: unknown[]) => ServerResponse;
    outgoing.write = ((chunk: unknown, ...rest: unknown[]) => {
      size += byteLength(chunk);
      return write(chunk, ...rest);
    }) as typeof outgoing.write;
    outgoing.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== 'function') size += byteLength(chunk);
      return end(chunk, ...rest);
    }) as typeof outgoing.end;
    outgoing.once('close', () => {
      const line = formatAccessLine(
        {
          method: incoming.method ?? '',
          url: incoming.url ?? '',
          httpVersion: incoming.httpVersion,
          status: outgoing.statusCode,
          size,
          time: new Date(),
        },
        colour,
      );
      safeAccess(context, line, outgoing.statusCode, accessLine!);
    });
  };
  server.headersTimeout = options.headersTimeout ?? 20_000;
  server.requestTimeout = options.requestTimeout ?? 60_000;
  server.keepAliveTimeout = options.keepAliveTimeout ?? 5_000;
  installRejectionGuard();
  serving.add(context);

  const shutdownTimeout = options.shutdownTimeout ?? DEFAULT_SHUTDOWN_TIMEOUT;
  let closed: Promise<number> | null = null;
  const close = (timeout = shutdownTimeout): Promise<number> => {
    if (closed !== null) return closed;
    closing = true;
    closed = new Promise<number>((resolve) => {
      let cut = 0;
      const timer = setTimeout(() => {
        cut = inFlight;
        server.closeAllConnections();
      }, timeout);
      timer.unref();
      // net.Server's close: stop accepting without http.Server's sweep of every idle connection
      // (Node ≥ 19), which would also reset a client whose connection was accepted just before.
      NetServer.prototype.close.call(server, () => {
        clearTimeout(timer);
        clearTimeout(grace);
        serving.delete(context);
        resolve(cut);
      });
      const grace = setTimeout(() => {
        graceOver = true;
        server.closeIdleConnections();
      }, FRESH_CONNECTION_GRACE);
      grace.unref();
      closeIdle();
    });
    return closed;
  };

  return new Promise<ReinsServer>((resolve, reject) => {
    server.once('error', reject);
    server.listen(
      {
        host: options.host ?? '127.0.0.1',
        port: options.port ?? 8000,
        exclusive: options.exclusive ?? false,
      },
      () => {
        server.off('error', reject);
        const address = server.address() as AddressInfo;
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        const handle: ReinsServer = {
          server,
          address,
          url: `http://${host}:${address.port}/`,
          get inFlight() {
            return inFlight;
          },
          close,
        };
        if (options.handleSignals === true) {
          // The listeners stay while draining: a signal without one would kill the process at
          // once. CONTROL-C under `runserver` sends SIGINT to the whole process group, and the
          // reloader then forwards SIGTERM: that second signal of the other kind must not cut the
          // drain. The same signal again (a second CONTROL-C) stops waiting.
          let first: NodeJS.Signals | null = null;
          const onSignal = (signal: NodeJS.Signals): void => {
            if (first !== null) {
              if (signal !== first) return;
              process.stderr.write(
                `${signal} again: stopping without waiting for ${handle.inFlight} request(s).\n`,
              );
              process.exit(1);
            }
            first = signal;
            markDraining();
            void close()
              .then(async (cut) => {
                if (cut > 0)
                  process.stderr.write(
                    `${cut} request(s) still running after ${shutdownTimeout} ms were cut.\n`,
                  );
                await settleHandoffs();
                // Then the pools: PostgreSQL and Redis see a clean goodbye, within a bound.
                await closeWithin(context, RESOURCES_CLOSE_TIMEOUT);
              })
              .finally(() => process.exit(0));
          };
          process.on('SIGINT', onSignal);
          process.on('SIGTERM', onSignal);
        }
        resolve(handle);
      },
    );
  });
}

function safeAccess(
  context: AppContext,
  line: string,
  status: number,
  write: (line: string, status: number) => void,
): void {
  try {
    write(line, status);
  } catch (error) {
    safeLog(context, {
      level: 'warning',
      logger: 'reins.server',
      message: 'Could not write the access line',
      error,
    });
  }
}

// Refused as Node refuses what its parser rejects: before the application, connection closed. The
// body says why, in plain text, like Python's http.server error pages under Django's runserver.
function refuse(
  outgoing: ServerResponse,
  status: number,
  reason: string,
  hooks: ServingHooks,
): void {
  const body = `${status === 505 ? 'HTTP Version Not Supported' : 'Bad Request'}: ${reason}\n`;
  outgoing.shouldKeepAlive = false;
  outgoing.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  outgoing.end(body);
  hooks.done(outgoing);
}

function byteLength(chunk: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk);
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

/** Close the app's databases, session store and caches, logging what fails, at most `timeout` ms. */
export async function closeWithin(context: AppContext, timeout: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeout);
  });
  const outcome = await Promise.race([closeResources(context.settings), expired]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    safeLog(context, {
      level: 'warning',
      logger: 'reins.server',
      message: `Closing the databases, session store and caches took more than ${timeout} ms; exiting anyway.`,
    });
    return;
  }
  for (const error of outcome) {
    safeLog(context, {
      level: 'warning',
      logger: 'reins.server',
      message: 'Could not close a database, session store or cache on shutdown',
      error,
    });
  }
}
