/** A raw TCP exchange: the bytes go out exactly as written (no client fixes the request line). */
import { connect } from 'node:net';

/** Send `bytes` to 127.0.0.1:`port` and resolve with everything received until the server closes. */
export function rawExchange(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

/** The status code of the first response in `received`. */
export function statusOf(received: string): number {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(received);
  if (match === null) throw new Error(`No HTTP response in ${JSON.stringify(received)}`);
  return Number(match[1]);
}
