/**
 * `malformedRequest()` over a real socket: what Node's parser lets through but RFC 9112 refuses
 * (two Host headers, no HTTP version, HTTP/2.0 on HTTP/1 framing), as an application written on
 * the Node adapter sees it. Raw bytes, so nothing normalises the request line.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedRequest, requestFromNode } from '../../src/index.js';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((incoming, outgoing) => {
    const malformed = malformedRequest(incoming);
    if (malformed !== null) {
      outgoing.writeHead(malformed.status, { connection: 'close' }).end(malformed.reason);
      return;
    }
    const request = requestFromNode(incoming, { allowedHosts: ['*'] });
    outgoing.end(`host=${request.getHost()}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function send(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('malformedRequest', () => {
  it.each([
    [
      'two Host headers',
      'GET / HTTP/1.1\r\nHost: a.test\r\nHost: evil.com\r\n\r\n',
      400,
      /more than one Host/,
    ],
    [
      'two Host headers in different case',
      'GET / HTTP/1.1\r\nhost: a.test\r\nHOST: a.test\r\n\r\n',
      400,
      /more than one Host/,
    ],
    ['no HTTP version', 'GET /\r\nHost: a.test\r\n\r\n', 400, /no HTTP version/],
    ['HTTP/2.0', 'GET / HTTP/2.0\r\nHost: a.test\r\n\r\n', 505, /HTTP version 2\.0/],
  ])('refuses %s', async (_name, bytes, status, reason) => {
    const received = await send(bytes);
    expect(received.slice(0, 12)).toBe(`HTTP/1.1 ${status}`);
    expect(received).toMatch(reason);
    expect(received).not.toContain('host=');
  });

  it('lets a well-formed request through', async () => {
    const received = await send('GET / HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n');
    expect(received.slice(0, 12)).toBe('HTTP/1.1 200');
    expect(received).toContain('host=a.test');
  });
});
