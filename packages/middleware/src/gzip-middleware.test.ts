import { gunzipSync } from 'node:zlib';
import { HttpRequest, HttpResponse, StreamingHttpResponse } from '@reins/http';
import { describe, expect, it } from 'vitest';
import { GZipMiddleware, SYNC_LIMIT } from './gzip-middleware.js';

const request = () =>
  new HttpRequest({
    url: '/',
    headers: { host: 'testserver', 'accept-encoding': 'gzip' },
    options: { allowedHosts: ['testserver'] },
  });

async function collect(response: StreamingHttpResponse): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.streamingContent) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('gzipMiddleware', () => {
  it('compresses a large body off the event loop, and says so', async () => {
    const text = 'reins '.repeat(SYNC_LIMIT);
    const result = GZipMiddleware(() => new HttpResponse(text))(request());
    expect(result).toBeInstanceOf(Promise);
    const response = (await result) as HttpResponse;
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(Number(response.headers.get('Content-Length'))).toBe(response.content.byteLength);
    expect(gunzipSync(response.content).toString()).toBe(text);
  });

  it('stays synchronous for a small body', () => {
    const result = GZipMiddleware(() => new HttpResponse('x'.repeat(500)))(request());
    expect(result).toBeInstanceOf(HttpResponse);
  });

  it('compresses an async stream as it streams', async () => {
    async function* source() {
      await Promise.resolve(); // a source's chunks arrive asynchronously
      for (let i = 0; i < 50; i++) yield `line ${i}\n`;
    }
    const response = (await GZipMiddleware(() => new StreamingHttpResponse(source()))(
      request(),
    )) as unknown as StreamingHttpResponse;
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(response.headers.has('Content-Length')).toBe(false);
    const expected = Array.from({ length: 50 }, (_, i) => `line ${i}\n`).join('');
    expect(gunzipSync(await collect(response)).toString()).toBe(expected);
  });

  it('passes an error in the source stream on to the reader', async () => {
    async function* failing() {
      await Promise.resolve(); // a source's chunks arrive asynchronously
      yield 'start';
      throw new Error('source broke');
    }
    const response = (await GZipMiddleware(() => new StreamingHttpResponse(failing()))(
      request(),
    )) as unknown as StreamingHttpResponse;
    await expect(collect(response)).rejects.toThrow('source broke');
  });

  it('leaves Server-Sent Events alone: gzip would hold events back', async () => {
    const response = (await GZipMiddleware(
      () => new StreamingHttpResponse(['data: 1\n\n'], { contentType: 'text/event-stream' }),
    )(request())) as unknown as StreamingHttpResponse;
    expect(response.headers.has('Content-Encoding')).toBe(false);
    expect(response.headers.has('Vary')).toBe(false);
    expect((await collect(response)).toString()).toBe('data: 1\n\n');
  });
});
