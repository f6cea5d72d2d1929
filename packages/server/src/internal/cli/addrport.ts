/**
 * `runserver`'s `[addr:]port` argument, Django's rules: `8000`, `0.0.0.0:8000`, `[::1]:8000`,
 * `localhost:8000`, and `0` as a shorthand for `0.0.0.0`. Without one, the `HOST` and `PORT`
 * environment variables, then `127.0.0.1:8000`.
 */

/** Where to listen. */
export interface AddrPort {
  host: string;
  port: number;
}

/** An `addrport` argument that cannot be used; the message quotes it. */
export class AddrPortError extends Error {
  readonly code = 'server.bad_addrport';
  constructor(message: string) {
    super(message);
    this.name = 'AddrPortError';
  }
}

const FORMAT = /^(?:(?<addr>\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9.-]+):)?(?<port>\d+)$/;

function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535 || text === '') {
    throw new AddrPortError(`${source} '${text}' is not a valid port number (0–65535).`);
  }
  return port;
}

/** Parse `addrport` (or fall back to `HOST`/`PORT`, then 127.0.0.1:8000). */
export function parseAddrPort(
  addrport: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): AddrPort {
  const defaultHost = env['HOST'] !== undefined && env['HOST'] !== '' ? env['HOST'] : '127.0.0.1';
  const defaultPort =
    env['PORT'] !== undefined && env['PORT'] !== '' ? parsePort(env['PORT'], 'PORT') : 8000;
  if (addrport === undefined || addrport === '') return { host: defaultHost, port: defaultPort };
  const match = FORMAT.exec(addrport);
  if (match === null) {
    throw new AddrPortError(
      `'${addrport}' is not a valid port number or address:port pair. Examples: 8000, 0.0.0.0:8000, [::1]:8000.`,
    );
  }
  const { addr, port } = match.groups as { addr?: string; port: string };
  let host = addr ?? defaultHost;
  if (host === '0') host = '0.0.0.0';
  if (host.startsWith('[')) host = host.slice(1, -1);
  return { host, port: parsePort(port, 'Port') };
}

/** `host:port` for display, with IPv6 addresses in brackets. */
export function displayHost({ host, port }: AddrPort): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
