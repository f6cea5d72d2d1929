/**
 * Issue #19 item 2: a request may not fill the disk or pin the CPU with a multipart body. A view
 * that never reads the body costs no parsing and no temporary file (the server reads a multipart
 * form only when something awaits `loadBody()`); one that reads it meets a bound on the whole
 * body, on each file and on the number of parts, with an error naming the setting to raise, and
 * no temporary file survives. `RequestDataTooBig` carries status 413, but the server answers it
 * with 400 as Django does for every SuspiciousOperation (test/exception-mapping.test.ts). Real sockets, raw bytes, uploads spilled to a directory of its own.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse, JsonResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { path } from '@reins/urls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import type { ReinsServer } from '../../src/index.js';
import { recordingLogger } from '../helpers.js';
import { statusOf } from './raw-socket.js';

const KIB = 1024;
const MIB = 1024 * KIB;
const BOUNDARY = 'reinsboundary';
let tempDir: string;
let server: ReinsServer;
let viewRuns = 0;
const logger = recordingLogger();

/** The message of the last exception logged: a 4xx page outside debug does not show it. */
function lastError(): string {
  const error = logger.records.findLast((record) => record.error !== undefined)?.error;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

beforeAll(async () => {
  tempDir = mkdtempSync(join(tmpdir(), 'reins-hostile-uploads-'));
  const app = createApp({
    rootUrlconf: [
      // Like the demo's /greetings/: answers a POST without looking at the body.
      path('ignores/', () => {
        viewRuns += 1;
        return new HttpResponse('ignored');
      }),
      path('reads/', async (request: HttpRequest) => {
        await request.loadBody();
        return new JsonResponse({
          post: Object.fromEntries(request.POST.lists()),
          files: [...request.FILES.values()].map((file) => [file.name, file.size]),
        });
      }),
    ],
    allowedHosts: ['127.0.0.1'],
    logger,
    fileUploadTempDir: tempDir,
    // Anything parsed spills to disk at once, so a parse that should not happen shows.
    fileUploadMaxMemorySize: 1 * KIB,
    fileUploadMaxSize: 300 * KIB,
    fileUploadMaxTotalSize: 4 * MIB,
  });
  server = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await server.close();
  rmSync(tempDir, { recursive: true, force: true });
});

function filePart(name: string, size: number): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.alloc(size, 0x61),
    Buffer.from('\r\n'),
  ]);
}

const CLOSE = Buffer.from(`--${BOUNDARY}--\r\n`);

function head(target: string, framing: string): string {
  return (
    `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\n${framing}\r\n`
  );
}

function chunked(body: Buffer): Buffer {
  const pieces: Buffer[] = [];
  for (let at = 0; at < body.length; at += 64 * KIB) {
    const piece = body.subarray(at, at + 64 * KIB);
    pieces.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(pieces);
}

/**
 * Write `bytes` without ending the request and resolve with what the server sends until it
 * closes the connection (a client still "uploading" when the answer comes).
 */
function exchange(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.address.port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      // The server may close while bytes are still in flight: what arrived is the answer.
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(received) : reject(error),
    );
  });
}

function bodyOf(received: string): string {
  return received.slice(received.indexOf('\r\n\r\n') + 4);
}

function tempFiles(): string[] {
  return readdirSync(tempDir);
}

describe('multipart uploads', () => {
  it('parses nothing and writes nothing for a view that never reads two 200 MB file parts', async () => {
    const declared = 2 * (200 * MIB + 200) + CLOSE.length;
    const start = Buffer.concat([
      Buffer.from(head('/ignores/', `Content-Length: ${declared}\r\n`)),
      // The first 256 KiB of the first file: more than fileUploadMaxMemorySize, so a parse would spill.
      filePart('first', 256 * KIB).subarray(0, 256 * KIB),
    ]);
    const before = viewRuns;
    const received = await exchange(start);
    expect(statusOf(received)).toBe(200);
    expect(bodyOf(received)).toBe('ignored');
    // The unread body is not drained: the connection is closed after the answer.
    expect(received.toLowerCase()).toContain('connection: close');
    expect(viewRuns).toBe(before + 1);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses a declared body over fileUploadMaxTotalSize before reading it (RequestDataTooBig)', async () => {
    const declared = 2 * (200 * MIB + 200) + CLOSE.length;
    const start = Buffer.concat([
      Buffer.from(head('/reads/', `Content-Length: ${declared}\r\n`)),
      filePart('first', 256 * KIB).subarray(0, 256 * KIB),
    ]);
    const received = await exchange(start);
    expect([statusOf(received), lastError()]).toEqual([
      400,
      expect.stringMatching(/^RequestDataTooBig: .*fileUploadMaxTotalSize/),
    ]);
    expect(tempFiles()).toEqual([]);
  });

  it('answers RequestDataTooBig naming fileUploadMaxSize for one file too large, and removes what was spilled', async () => {
    const body = Buffer.concat([filePart('small', 10 * KIB), filePart('big', 400 * KIB), CLOSE]);
    const received = await exchange(
      Buffer.concat([
        Buffer.from(head('/reads/', 'Transfer-Encoding: chunked\r\n')),
        chunked(body),
      ]),
    );
    expect([statusOf(received), lastError()]).toEqual([
      400,
      expect.stringMatching(/^RequestDataTooBig: .*fileUploadMaxSize/),
    ]);
    expect(lastError()).toContain('"big.bin"');
    expect(tempFiles()).toEqual([]);
  });

  it('answers RequestDataTooBig naming fileUploadMaxTotalSize when files under the per-file bound add up past it', async () => {
    const parts = Array.from({ length: 25 }, (_, i) => filePart(`f${i}`, 200 * KIB));
    const body = Buffer.concat([...parts, CLOSE]);
    const received = await exchange(
      Buffer.concat([
        Buffer.from(head('/reads/', 'Transfer-Encoding: chunked\r\n')),
        chunked(body),
      ]),
    );
    expect([statusOf(received), lastError()]).toEqual([
      400,
      expect.stringMatching(/^RequestDataTooBig: .*fileUploadMaxTotalSize/),
    ]);
    expect(tempFiles()).toEqual([]);
  });

  it('answers 400 naming dataUploadMaxNumberParts to 400,000 empty parts', async () => {
    // A one-letter boundary, as in the issue: 9 bytes a part, under fileUploadMaxTotalSize.
    const body = Buffer.from('--x\r\n\r\n\r\n'.repeat(400_000) + '--x--\r\n');
    expect(body.length).toBeGreaterThan(3 * MIB);
    const received = await exchange(
      Buffer.concat([
        Buffer.from(
          'POST /reads/ HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
            `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${body.length}\r\n\r\n`,
        ),
        body,
      ]),
    );
    expect([statusOf(received), lastError()]).toEqual([
      400,
      expect.stringContaining('dataUploadMaxNumberParts'),
    ]);
    expect(lastError()).toMatch(/^TooManyFieldsSent: .*more than 1200 parts/);
  });

  it('still parses an upload within the limits, and removes its temporary files afterwards', async () => {
    const field = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHello\r\n`,
    );
    const body = Buffer.concat([field, filePart('doc', 100 * KIB), CLOSE]);
    const received = await exchange(
      Buffer.concat([
        Buffer.from(head('/reads/', `Content-Length: ${body.length}\r\nConnection: close\r\n`)),
        body,
      ]),
    );
    expect(statusOf(received)).toBe(200);
    expect(JSON.parse(bodyOf(received))).toEqual({
      post: { title: ['Hello'] },
      files: [['doc.bin', 100 * KIB]],
    });
    expect(tempFiles()).toEqual([]);
  });
});
