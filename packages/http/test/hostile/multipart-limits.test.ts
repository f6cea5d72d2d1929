/**
 * Issue #19 item 2 at the request's level: how much of a hostile multipart body is read before
 * the limit stops it (counted in chunks pulled from the body, not in time), what a streamed form
 * costs before anything asks for it, and what the synchronous API says then.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HttpRequest,
  RawPostDataException,
  RequestDataTooBig,
  TooManyFieldsSent,
  type RequestOptions,
} from '../../src/index.js';

const tempDir = mkdtempSync(join(tmpdir(), 'reins-multipart-limits-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/** `count` chunks of `make(i)`, counting how many the request pulled. */
function counted(count: number, make: (index: number) => Uint8Array) {
  const state = { pulled: 0 };
  const body: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      for (let index = 0; index < count; index++) {
        await Promise.resolve(); // a source's chunks arrive asynchronously
        state.pulled += 1;
        yield make(index);
      }
    },
  };
  return { body, state };
}

function multipart(body: AsyncIterable<Uint8Array>, options: RequestOptions = {}, length?: number) {
  return new HttpRequest({
    method: 'POST',
    url: '/upload/',
    headers: {
      host: 'example.com',
      'content-type': 'multipart/form-data; boundary=x',
      ...(length === undefined ? {} : { 'content-length': String(length) }),
    },
    body,
    options: { fileUploadTempDir: tempDir, ...options },
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the body to be refused');
}

const EMPTY_PARTS_PER_CHUNK = 1000;
const emptyParts = new TextEncoder().encode('--x\r\n\r\n\r\n'.repeat(EMPTY_PARTS_PER_CHUNK));

describe('hostile multipart bodies', () => {
  it('stops reading 400,000 empty parts just past dataUploadMaxNumberParts', async () => {
    const { body, state } = counted(400, () => emptyParts);
    const error = await failure(multipart(body).loadBody());
    expect(TooManyFieldsSent.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('dataUploadMaxNumberParts');
    // Chunks of 1000 parts: the second holds part 1201, and nothing is read after it.
    expect(state.pulled).toBe(2);
  });

  it('counts parts against a lowered dataUploadMaxNumberParts, and none with null', async () => {
    const lowered = counted(400, () => emptyParts);
    await failure(multipart(lowered.body, { dataUploadMaxNumberParts: 10 }).loadBody());
    expect(lowered.state.pulled).toBe(1);
    const close = new TextEncoder().encode('--x--\r\n');
    const unbounded = counted(4, (index) => (index === 3 ? close : emptyParts));
    const request = multipart(unbounded.body, { dataUploadMaxNumberParts: null });
    await request.loadBody();
    expect([[...request.POST.keys()], unbounded.state.pulled]).toEqual([[], 4]);
  });

  it('stops reading a file at fileUploadMaxSize and removes what it spilled', async () => {
    const head = new TextEncoder().encode(
      '--x\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\n\r\n',
    );
    const { body, state } = counted(1000, (index) =>
      index === 0 ? head : new Uint8Array(64 * 1024).fill(97),
    );
    const error = await failure(
      multipart(body, { fileUploadMaxSize: 256 * 1024, fileUploadMaxMemorySize: 1024 }).loadBody(),
    );
    expect(RequestDataTooBig.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/"big\.bin" is larger than 262144 bytes/);
    expect(state.pulled).toBeLessThan(10);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('refuses a declared length over fileUploadMaxTotalSize without reading a chunk', async () => {
    const { body, state } = counted(10, () => emptyParts);
    const request = multipart(body, { fileUploadMaxTotalSize: 1000 }, 5000);
    const error = await failure(request.loadBody());
    expect(RequestDataTooBig.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('fileUploadMaxTotalSize');
    expect(state.pulled).toBe(0);
    expect(request.connectionUnsafe).toBe(true);
  });

  it('leaves a streamed form unread until loadBody(), and says so on sync access', async () => {
    const { body, state } = counted(1, () =>
      new TextEncoder().encode(
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      ),
    );
    const request = multipart(body);
    expect(request.preloadBody()).toBeNull();
    expect(state.pulled).toBe(0);
    // Unread: the connection is closed after the answer rather than drained.
    expect(request.connectionUnsafe).toBe(true);
    let thrown: unknown;
    try {
      void request.FILES;
    } catch (error) {
      thrown = error;
    }
    expect(RawPostDataException.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toContain('await request.loadBody()');
    await request.loadBody();
    expect(request.POST.get('a')).toBe('1');
    expect(request.connectionUnsafe).toBe(false);
  });

  it('keeps the connection for an unread form whose declared length Node can discard', () => {
    const { body, state } = counted(1, () => new TextEncoder().encode('--x--\r\n'));
    const within = multipart(body, { fileUploadMaxTotalSize: 1000 }, 7);
    expect(within.preloadBody()).toBeNull();
    expect(state.pulled).toBe(0);
    // Discarded after the answer, as Django's server reads the rest: no reset loses the answer.
    expect(within.connectionUnsafe).toBe(false);
    const over = multipart(body, { fileUploadMaxTotalSize: 1000 }, 5000);
    expect(over.preloadBody()).toBeNull();
    expect(over.connectionUnsafe).toBe(true);
  });

  it('reads a plain body ahead without parsing it', async () => {
    const request = new HttpRequest({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: counted(1, () => new TextEncoder().encode('a=1&b=2')).body,
    });
    await request.preloadBody();
    expect(request.bodyLoaded).toBe(true);
    expect(request.POST.get('b')).toBe('2');
  });
});
