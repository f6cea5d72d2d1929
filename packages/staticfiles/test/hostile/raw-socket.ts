/** A raw TCP exchange: the request target goes out exactly as written, no client normalises it. */
import { connect } from 'node:net';

/** Send `GET <target>` to 127.0.0.1:`port`; resolve with the status and everything received. */
export function rawGet(port: number, target: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(
        Buffer.from(
          `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
          'latin1',
        ),
      ),
    );
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => {
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match === null ? 0 : Number(match[1]), text });
    });
    socket.on('error', reject);
  });
}
