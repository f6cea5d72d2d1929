import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamingHttpResponse, requestFromNode, writeNodeResponse } from '../src/index.js';

const CHUNK = Buffer.alloc(64 * 1024, 120);
let cleanup: (() => void) | undefined;

afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

/** A server streaming up to `limit` 64 KiB chunks, counting how many it has produced. */
async function streamingServer(limit: number) {
  const state = { produced: 0, finished: false, writeResult: undefined as unknown };
  const server = createServer((incoming, outgoing) => {
    const request = requestFromNode(incoming);
    const response = new StreamingHttpResponse(
      (async function* () {
        await Promise.resolve(); // a source's chunks arrive asynchronously
        try {
          for (; state.produced < limit; state.produced += 1) yield CHUNK;
        } finally {
          state.finished = true;
        }
      })(),
    );
    writeNodeResponse(response, outgoing, request).then(
      () => (state.writeResult = 'resolved'),
      (error: unknown) => (state.writeResult = error),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup = () => {
    server.closeAllConnections();
    server.close();
  };
  return { state, port: (server.address() as AddressInfo).port };
}

function get(port: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path: '/' }, resolve).on('error', reject).end();
  });
}

/** Wait until `read()` gives the same value twice in a row, 50 ms apart. */
async function settled(read: () => number): Promise<number> {
  let previous = -1;
  for (;;) {
    const current = read();
    if (current === previous) return current;
    previous = current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('streaming through the Node adapter', () => {
  it('stops pulling from the iterable while the client is not reading (backpressure)', async () => {
    // 2,000 chunks = 128 MiB: without backpressure the server would produce them all.
    const { state, port } = await streamingServer(2000);
    const response = await get(port);
    response.pause();
    const produced = await settled(() => state.produced);
    expect(produced).toBeLessThan(2000);
    expect(state.finished).toBe(false);
    // Reading resumes production, to the end.
    let received = 0;
    response.on('data', (chunk: Buffer) => (received += chunk.length));
    response.resume();
    await new Promise((resolve) => response.on('end', resolve));
    expect(received).toBe(2000 * CHUNK.length);
    expect(state.finished).toBe(true);
  });

  it('ends the iterable (its finally runs) when the client goes away mid-stream', async () => {
    const { state, port } = await streamingServer(Number.POSITIVE_INFINITY);
    const response = await get(port);
    await new Promise((resolve) => response.once('data', resolve));
    response.destroy();
    await expect.poll(() => state.finished).toBe(true);
    await expect.poll(() => state.writeResult).toBe('resolved');
  });
});
