/**
 * Issue #19 items 3 and 11: requests Node's parser accepts but HTTP/1.1 (RFC 9112) says to refuse
 * — two Host headers, a request line without a version, HTTP/2.0 on HTTP/1 framing — are answered
 * 400/505 before the application runs; well-formed neighbours still get their 200. Raw sockets,
 * so the bytes are exactly the hostile ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReinsServer } from '../../src/index.js';
import app from '../fixtures/app.js';
import { rawExchange, statusOf } from './raw-socket.js';

let server: ReinsServer;
const accessLines: string[] = [];

beforeAll(async () => {
  server = await app.listen({ port: 0, accessLog: (line) => accessLines.push(line) });
});

afterAll(async () => {
  await server.close();
});

const send = (bytes: string): Promise<string> => rawExchange(server.address.port, bytes);

describe('request line and Host (issue #19 items 3, 11)', () => {
  it('refuses two Host headers with 400, whichever comes first', async () => {
    for (const hosts of [
      'Host: 127.0.0.1\r\nHost: evil.com\r\n',
      'Host: evil.com\r\nHost: 127.0.0.1\r\n',
      'Host: 127.0.0.1\r\nhost: 127.0.0.1\r\n',
    ]) {
      const received = await send(`GET / HTTP/1.1\r\n${hosts}Connection: close\r\n\r\n`);
      expect(statusOf(received)).toBe(400);
      expect(received).toContain('more than one Host header');
      expect(received).not.toContain('Hello from the fixture app');
    }
  });

  it('refuses a request line without an HTTP version with 400', async () => {
    const received = await send('GET /\r\nHost: 127.0.0.1\r\n\r\n');
    expect(statusOf(received)).toBe(400);
    expect(received).not.toContain('Hello from the fixture app');
  });

  it('answers HTTP/2.0 on an HTTP/1 connection with 505', async () => {
    const received = await send('GET / HTTP/2.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(statusOf(received)).toBe(505);
    expect(received).not.toContain('Hello from the fixture app');
  });

  it('still serves HTTP/1.0 and HTTP/1.1 with one Host', async () => {
    expect(statusOf(await send('GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n'))).toBe(200);
    expect(
      statusOf(await send('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')),
    ).toBe(200);
  });

  it('closes the connection after a refusal, so no second request rides on it', async () => {
    const received = await send(
      'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\nGET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
    );
    expect(received.match(/^HTTP\/1\.1 /gm)).toHaveLength(1);
    expect(accessLines.some((line) => line.includes('" 400 '))).toBe(true);
  });
});
