/** A server started for a test; `stop()` ends it and removes its data directory. */
export interface TestServer {
  host: string;
  port: number;
  /** `redis://127.0.0.1:PORT` or `postgres://postgres@127.0.0.1:PORT/postgres`. */
  url: string;
  /** Stop the server abruptly (SIGKILL) without removing the data directory, to test outages. */
  kill(): Promise<void>;
  /** Start it again on the same port and data directory after `kill()`. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Why a server can't be started here, or `undefined` when it can. */
export function missingServer(kind: 'redis' | 'postgres'): string | undefined;

/** Start `redis-server` on 127.0.0.1 with a free port and no persistence. */
export function startRedis(): Promise<TestServer>;

/** `initdb` a temporary cluster and start `postgres` on 127.0.0.1 with a free port (trust auth). */
export function startPostgres(): Promise<TestServer>;

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>;
